/**
 * Clipboard HTML (Word, Google Docs, web pages) made ready for the editor, as ProseMirror's
 * `transformPastedHTML`.
 *
 * The portal's CSP has no 'unsafe-inline' for styles: parsing HTML that carries `style`
 * attributes, even in a detached document, is a CSP violation. So every `style` attribute is
 * renamed by text before anything parses the HTML, and `<style>`, `<link>`, `<meta>`, Office XML
 * and comments are dropped. What Word only says in those styles is read from the renamed
 * attribute: its list paragraphs (`mso-list:l0 level2 lfo1`) become real nested lists, numbered
 * when Word's marker is a number or letter. Headings move down so the top one is a level-2
 * heading (the section's label is the level above), and a table without a header row gets its
 * first row as one (Markdown tables need it). Nothing of the pasted styles reaches the editor.
 */

const STYLE_ATTR = 'data-paste-style';
const MARKER_ATTR = 'data-paste-list-marker';

/** Text-level cleanup: after this, parsing the HTML cannot apply (or be refused) a style. */
export function neutralisePastedHtml(html: string): string {
  return (
    html
      // Word's list markers sit in a "downlevel-revealed" block: keep them, marked, to read later.
      .replace(
        /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi,
        `<span ${MARKER_ATTR}="">$1</span>`,
      )
      // Conditional comments (Office XML, VML) and every other comment.
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<!\[(?:if [^\]]*|endif)\]>/gi, '')
      .replace(/<(style|xml|title|script)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(?:meta|link|base)\b[^>]*>/gi, '')
      // Office namespaced tags (o:p, v:shape, w:…): their text stays, the tags go.
      .replace(/<\/?[a-z]+:[a-z][^>]*>/gi, '')
      .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\sstyle\s*=/gi, ` ${STYLE_ATTR}=`))
  );
}

const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?([0-9]{1,3}|[a-z]{1,2}|[ivxlcdm]{1,6})[.)]$/i;

interface ListItemInfo {
  element: HTMLElement;
  level: number;
  ordered: boolean;
}

/** A Word list paragraph: its level and whether its marker is a number or letter. */
function listItemInfo(element: Element): ListItemInfo | undefined {
  if (!(element instanceof HTMLElement)) return undefined;
  const match = LIST_STYLE.exec(element.getAttribute(STYLE_ATTR) ?? '');
  if (!match) return undefined;
  const marker = listMarker(element);
  const text = (marker?.textContent ?? '').replace(/\s|\u00a0/g, '');
  return { element, level: Number(match[2]), ordered: ORDERED_MARKER.test(text) };
}

function listMarker(element: Element): Element | undefined {
  return (
    element.querySelector(`[${MARKER_ATTR}]`) ??
    [...element.querySelectorAll(`[${STYLE_ATTR}]`)].find((e) =>
      /mso-list:\s*ignore/i.test(e.getAttribute(STYLE_ATTR) ?? ''),
    ) ??
    undefined
  );
}

/** The next element sibling, skipping whitespace-only text between paragraphs. */
function nextElement(node: Node): Element | null {
  let next = node.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && !(next.textContent ?? '').trim()) {
    next = next.nextSibling;
  }
  return next instanceof Element ? next : null;
}

/** Runs of consecutive Word list paragraphs become nested <ul>/<ol> lists. */
function convertWordLists(doc: Document): void {
  const seen = new Set<Element>();
  for (const start of [...doc.body.querySelectorAll(`[${STYLE_ATTR}]`)]) {
    if (seen.has(start)) continue;
    const first = listItemInfo(start);
    if (!first) continue;
    const run: ListItemInfo[] = [first];
    seen.add(start);
    for (let next = nextElement(start); next; next = nextElement(next)) {
      const info = listItemInfo(next);
      if (!info) break;
      run.push(info);
      seen.add(next);
    }
    const stack: { level: number; list: HTMLElement }[] = [];
    for (const item of run) {
      while ((stack.at(-1)?.level ?? 0) > item.level) stack.pop();
      let top = stack.at(-1);
      if (!top || top.level < item.level) {
        const list = doc.createElement(item.ordered ? 'ol' : 'ul');
        const parentItem = top?.list.lastElementChild;
        if (parentItem) parentItem.appendChild(list);
        else first.element.before(list);
        top = { level: item.level, list };
        stack.push(top);
      }
      listMarker(item.element)?.remove();
      const li = doc.createElement('li');
      const paragraph = doc.createElement('p');
      paragraph.append(...item.element.childNodes);
      li.append(paragraph);
      top.list.append(li);
      item.element.remove();
    }
  }
}

/** Headings shift down so the top one is h2 (h5, h6 become h4); Word's title is a heading. */
function adjustHeadings(doc: Document): void {
  for (const title of doc.body.querySelectorAll('p.MsoTitle')) renameElement(title, 'h1');
  for (const subtitle of doc.body.querySelectorAll('p.MsoSubtitle')) renameElement(subtitle, 'h2');
  const headings = [...doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  const shift = Math.max(0, 2 - top);
  for (const heading of headings) {
    const level = Math.min(4, Number(heading.tagName[1]) + shift);
    if (`H${level}` !== heading.tagName) renameElement(heading, `h${level}`);
  }
}

function renameElement(element: Element, tag: string): void {
  const renamed = element.ownerDocument.createElement(tag);
  for (const attr of element.attributes) renamed.setAttribute(attr.name, attr.value);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/** Markdown tables have a header row: a pasted table without one gets its first row as one. */
function ensureHeaderRows(doc: Document): void {
  for (const table of doc.body.querySelectorAll('table')) {
    if (table.querySelector('th')) continue;
    const firstRow = table.querySelector('tr');
    if (!firstRow) continue;
    for (const cell of [...firstRow.querySelectorAll(':scope > td')]) renameElement(cell, 'th');
  }
}

/** Google Docs wraps a paste in <b style="font-weight:normal">: not bold at all. */
function unwrapGoogleDocsWrapper(doc: Document): void {
  for (const wrapper of doc.body.querySelectorAll('b[id^="docs-internal-guid"]')) {
    wrapper.replaceWith(...wrapper.childNodes);
  }
}

/** Paragraphs Word leaves empty for spacing (only spaces or &nbsp;). */
function removeEmptyParagraphs(doc: Document): void {
  for (const p of doc.body.querySelectorAll('p')) {
    if (!(p.textContent ?? '').replace(/[\s\u00a0]/g, '') && !p.querySelector('img, br')) {
      p.remove();
    }
  }
}

function dropPresentation(doc: Document): void {
  for (const element of doc.body.querySelectorAll('*')) {
    element.removeAttribute(STYLE_ATTR);
    element.removeAttribute(MARKER_ATTR);
    element.removeAttribute('lang');
    const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    const kept = classes.filter((c) => !/^(Mso|xl\d|gmail|Apple-)/.test(c));
    if (kept.length === 0) element.removeAttribute('class');
    else if (kept.length !== classes.length) element.setAttribute('class', kept.join(' '));
  }
}

/** The editor's `transformPastedHTML`. */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(neutralisePastedHtml(html), 'text/html');
  // A copy from this editor: its structure is already the editor's own.
  const own = doc.body.querySelector('[data-pm-slice]') !== null;
  if (!own) {
    unwrapGoogleDocsWrapper(doc);
    convertWordLists(doc);
    adjustHeadings(doc);
    ensureHeaderRows(doc);
    removeEmptyParagraphs(doc);
  }
  dropPresentation(doc);
  return doc.body.innerHTML;
}
