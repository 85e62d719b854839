import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/**
 * The portal's one way from text written by people (Markdown from the API) to HTML, in two layers.
 * marked turns Markdown into HTML and shows raw HTML from the source as text, except a few bare
 * inline tags (TipTap writes underline as `<u>…</u>`), so no attribute a person typed ever reaches
 * an HTML parser (the browser reports an inline handler to the CSP as soon as it parses one, even
 * in an inert document). DOMPurify then keeps only what Markdown itself produces: no scripts,
 * frames, forms, media, SVG/MathML, event handlers, style attributes (the CSP would refuse them),
 * ids or classes; links keep http(s), mailto, tel and same-site addresses only (no javascript:,
 * data: or any other scheme) and get rel="noopener noreferrer"; images become their alt text (an
 * outside image would be a tracker, and the CSP refuses it). markdown-content.tsx is the only
 * place that inserts the result.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sub',
  'sup',
];
const ALLOWED_ATTR = ['href', 'title', 'start', 'align'];
/** Raw HTML kept as HTML: a bare inline tag without attributes. */
const BARE_INLINE_TAG = /^<\/?(u|s|del|sub|sup|b|i|em|strong|br)\s*\/?>$/i;
/** http:, https:, mailto: and tel:, or an address without a scheme (/aset/…, #bagian, ./x). */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

export interface MarkdownOptions {
  /**
   * How many levels Markdown headings move down, so they sit under the page's own headings:
   * with 2 (the default), `#` becomes h3 below a page's h1 and its sections' h2. Never past h6.
   */
  headingOffset?: number;
}

/** A renderer bound to a window (the browser's, or jsdom's in unit tests). */
export function createMarkdownRenderer(
  window: WindowLike,
): (markdown: string, options?: MarkdownOptions) => string {
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  return (markdown, { headingOffset = 2 } = {}) => {
    const marked = new Marked({
      gfm: true,
      async: false,
      walkTokens(token) {
        if (token.type === 'heading') {
          const heading = token as Tokens.Heading;
          heading.depth = Math.min(6, Math.max(1, heading.depth + headingOffset));
        }
      },
      renderer: {
        image: ({ text }: Tokens.Image) => escapeHtml(text),
        html: ({ text, block }: Tokens.HTML | Tokens.Tag) => {
          if (!block && BARE_INLINE_TAG.test(text.trim())) return text;
          return block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text);
        },
      },
    });
    const html = marked.parse(markdown, { async: false });
    return purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false });
  };
}

let inBrowser: ReturnType<typeof createMarkdownRenderer> | undefined;

/** Markdown as HTML that is safe to insert into the page (see the module comment). */
export function markdownToSafeHtml(markdown: string, options?: MarkdownOptions): string {
  inBrowser ??= createMarkdownRenderer(window);
  return inBrowser(markdown, options);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
