import { describe, expect, it } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer } from './safe-html';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const render = createMarkdownRenderer(window);

/** The rendered HTML, parsed again as the page would: what elements and attributes it holds. */
function parse(markdown: string): DocumentFragment {
  const template = window.document.createElement('template');
  template.innerHTML = render(markdown);
  return template.content;
}

function allAttributes(fragment: DocumentFragment): string[] {
  return [...fragment.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((a) => `${el.tagName.toLowerCase()}[${a.name}=${a.value}]`),
  );
}

function tags(fragment: DocumentFragment): string[] {
  return [...new Set([...fragment.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()))];
}

describe('markdownToSafeHtml (the one sanitiser)', () => {
  it('keeps what Markdown writes: emphasis, lists, quotes, code, tables, links', () => {
    const fragment = parse(
      [
        'Paragraf dengan **tebal**, _miring_, ~~coret~~ dan `kode`.',
        '',
        '- satu',
        '- dua',
        '',
        '3. tiga',
        '',
        '> kutipan',
        '',
        '| Kolom | Nilai |',
        '| :---- | ----: |',
        '| a     | 1     |',
        '',
        '[Peraturan](https://jdih.jakarta.go.id/peraturan) dan [aset lain](/aset/123#hasil).',
      ].join('\n'),
    );
    expect(tags(fragment)).toEqual(
      expect.arrayContaining(['p', 'strong', 'em', 'del', 'code', 'ul', 'ol', 'li', 'blockquote']),
    );
    expect(tags(fragment)).toEqual(expect.arrayContaining(['table', 'thead', 'tbody', 'th', 'td']));
    expect(fragment.querySelector('ol')?.getAttribute('start')).toBe('3');
    const links = [...fragment.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://jdih.jakarta.go.id/peraturan', '/aset/123#hasil']);
    expect(fragment.textContent).toContain('kutipan');
  });

  it('gives every link rel="noopener noreferrer" and no target', () => {
    const fragment = parse('[a](https://contoh.go.id) dan [b](/aset/1 "judul")');
    const links = [...fragment.querySelectorAll('a')];
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.hasAttribute('target')).toBe(false);
    }
  });

  it('shows raw HTML as the text it is, keeping only bare inline tags such as TipTap’s <u>', () => {
    const fragment = parse(
      'Teks <u>bergaris</u> dan <a href="https://contoh.go.id" target="_blank">tautan</a>.\n\n' +
        '<div onclick="alert(1)">blok</div>',
    );
    expect(fragment.querySelector('u')?.textContent).toBe('bergaris');
    expect(fragment.querySelector('a, div')).toBeNull();
    expect(fragment.textContent).toContain('<a href="https://contoh.go.id" target="_blank">');
    expect(fragment.textContent).toContain('<div onclick="alert(1)">blok</div>');
  });

  it('never hands an attribute a person wrote to an HTML parser', () => {
    const hostile = [
      '<img src=x onerror="alert(1)"> <p onclick=alert(1)>x</p>',
      '<a href="javascript:alert(1)" onmouseover="alert(2)">x</a>',
      '<svg onload=alert(1)>',
      '<u onclick="alert(1)">x</u>',
    ].join('\n\n');
    // What DOMPurify gives the browser's parser (where Chromium already reports an inline
    // handler to the CSP): only tags marked wrote, with marked's own attributes.
    const seen: string[] = [];
    const parse = window.DOMParser.prototype.parseFromString;
    window.DOMParser.prototype.parseFromString = function (this: DOMParser, ...args) {
      seen.push(args[0]);
      return parse.apply(this, args);
    };
    try {
      render(hostile);
    } finally {
      window.DOMParser.prototype.parseFromString = parse;
    }
    expect(seen).toHaveLength(1);
    const attributes = [...seen[0]!.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) =>
      [...tag[0].matchAll(/\s([a-z-]+)=/gi)].map((a) => a[1]),
    );
    expect(attributes.filter((a) => !['href', 'title', 'start', 'align'].includes(a!))).toEqual([]);
    expect(seen[0]).toContain('&lt;img src=x onerror=');
  });

  it.each([
    ['a Markdown link', '[klik](javascript:alert(1))'],
    ['mixed case', '[klik](JaVaScRiPt:alert(1))'],
    ['an entity-encoded scheme', '[klik](&#106;avascript:alert(1))'],
    ['a tab inside the scheme', '<a href="java\tscript:alert(1)">klik</a>'],
    ['leading spaces', '<a href="   javascript:alert(1)">klik</a>'],
    ['vbscript', '[klik](vbscript:msgbox(1))'],
    ['a data: URL', '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a reference link', '[klik][x]\n\n[x]: javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
    ['another scheme', '[klik](file:///etc/passwd)'],
  ])('drops a dangerous link target: %s', (_name, markdown) => {
    const fragment = parse(markdown);
    for (const link of fragment.querySelectorAll('a')) {
      const href = link.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(https?:|mailto:|tel:|\/|#|\.)/);
    }
    // The words may stay as text; no attribute carries the scheme.
    expect(allAttributes(fragment).join(' ').toLowerCase()).not.toMatch(
      /javascript:|vbscript:|data:|file:/,
    );
  });

  it.each([
    ['a script element', 'Halo <script>alert(1)</script> dunia'],
    ['an image with onerror', '<img src=x onerror="alert(1)">'],
    ['an event handler on a link', '<a href="https://contoh.go.id" onclick="alert(1)">x</a>'],
    ['an svg with a script', '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>'],
    ['math', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['an iframe', '<iframe src="https://contoh.go.id"></iframe>'],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">'],
    ['a form that clobbers', '<form id="document"><input name="cookie"></form>'],
    ['a style element', '<style>body{display:none}</style>'],
    ['a style attribute', '<p style="position:fixed;inset:0">menutupi halaman</p>'],
    ['details with ontoggle', '<details open ontoggle="alert(1)">x</details>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://jahat.example">'],
    ['a base element', '<base href="https://jahat.example/">'],
    ['mXSS through noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['a template', '<template><img src=x onerror=alert(1)></template>'],
    ['an id and a class', '<p id="root" class="mantine-x">x</p>'],
  ])('removes %s', (_name, markdown) => {
    const fragment = parse(markdown);
    expect(tags(fragment)).toEqual(
      expect.not.arrayContaining([
        'script',
        'img',
        'svg',
        'math',
        'iframe',
        'object',
        'embed',
        'form',
        'input',
        'style',
        'details',
        'meta',
        'base',
        'noscript',
        'template',
      ]),
    );
    const attributes = allAttributes(fragment);
    expect(attributes.filter((a) => /^\w+\[(on|style|id|class|src|data)/.test(a))).toEqual([]);
  });

  it('shows an image as its alt text, never loading it', () => {
    const fragment = parse('![Bagan alur layanan](https://pelacak.example/x.png "judul")');
    expect(fragment.querySelector('img')).toBeNull();
    expect(fragment.textContent?.trim()).toBe('Bagan alur layanan');
    expect(render('![<b>x</b>](y.png)')).not.toContain('<b>');
  });

  it('moves headings under the page headings (h3 by default, never past h6)', () => {
    expect(tags(parse('# Satu\n\n## Dua\n\n#### Empat\n\n###### Enam'))).toEqual([
      'h3',
      'h4',
      'h6',
    ]);
    expect(render('# Satu', { headingOffset: 1 })).toContain('<h2>');
  });

  it('keeps the words of dropped markup as text, escaped', () => {
    const html = render('<marquee>teks <b>penting</b></marquee> & <unknown>lain</unknown>');
    expect(html).toContain('teks <b>penting</b>');
    expect(html).toContain('&amp;');
    expect(html).not.toMatch(/<marquee|<unknown/);
  });
});
