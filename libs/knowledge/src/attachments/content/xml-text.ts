/** Thrown when an XML part declares a DTD or entities: we never resolve either (XXE, billion laughs). */
export class XmlDtdError extends Error {
  override readonly name = 'XmlDtdError';
}

/** Thrown when an XML part is not well-formed enough to scan. */
export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
}

/** Callbacks for {@link scanXml}. Element names are passed as written (with any prefix). */
export interface XmlVisitor {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data with entities already decoded (CDATA passed through as is). */
  text(value: string): void;
  /** Lets the visitor stop the scan early, e.g. once its text budget is spent. */
  done?(): boolean;
}

const OPEN_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A small, non-validating XML tokenizer for extracting text from Office parts. It never expands
 * anything but the five predefined and numeric character references, and refuses any `<!DOCTYPE`,
 * `<!ENTITY` or other markup declaration instead of skipping it.
 * @throws XmlDtdError on a markup declaration; XmlFormatError on a tag it cannot read.
 */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  let at = 0;
  while (at < xml.length && !visitor.done?.()) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > at) visitor.text(decodeEntities(xml.slice(at, textEnd)));
    if (lt < 0) return;
    at = scanMarkup(xml, lt, visitor);
  }
}

/** Scans the markup starting at `lt` and returns the index just after it. */
function scanMarkup(xml: string, lt: number, visitor: XmlVisitor): number {
  if (xml.startsWith('<!--', lt)) return skipPast(xml, lt, '-->');
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt);
    if (end < 0) throw new XmlFormatError('unterminated CDATA section');
    visitor.text(xml.slice(lt + 9, end));
    return end + 3;
  }
  if (xml.startsWith('<!', lt)) throw new XmlDtdError('XML declares a DTD or entities');
  if (xml.startsWith('<?', lt)) return skipPast(xml, lt, '?>');
  if (xml.startsWith('</', lt)) {
    CLOSE_TAG.lastIndex = lt;
    const close = CLOSE_TAG.exec(xml);
    if (!close) throw new XmlFormatError(`unreadable end tag at ${lt}`);
    visitor.close(close[1]);
    return CLOSE_TAG.lastIndex;
  }
  OPEN_TAG.lastIndex = lt;
  const open = OPEN_TAG.exec(xml);
  if (!open) throw new XmlFormatError(`unreadable tag at ${lt}`);
  visitor.open(open[1], open[2], open[3] === '/');
  if (open[3] === '/') visitor.close(open[1]);
  return OPEN_TAG.lastIndex;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new XmlFormatError(`missing ${terminator}`);
  return end + terminator.length;
}

/** Decodes the five predefined XML entities and numeric references; leaves anything else as is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, hex?: string, decimal?: string, named?: string) => {
    if (named) return NAMED_ENTITIES[named];
    const codePoint = hex ? parseInt(hex, 16) : parseInt(decimal ?? '', 10);
    return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : '\ufffd';
  });
}

/** Characters XML 1.0 allows; a reference to anything else (NUL, surrogates) becomes U+FFFD. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** The part of a qualified name after its prefix (`w:t` → `t`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses a raw attribute string from {@link XmlVisitor.open} into name → decoded value. */
export function parseAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of raw.matchAll(ATTRIBUTE)) {
    attributes.set(match[1], decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}
