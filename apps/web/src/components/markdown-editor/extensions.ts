import { type AnyExtension, mergeAttributes } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { Markdown } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';

/**
 * What the write form's editor knows, and so what a section's Markdown may hold: headings (levels
 * 2–4: the section's own label is the level above), bold, italic, lists, links, tables, quotes and
 * code. The same list drives the editor and the Markdown round-trip test.
 *
 * Strict CSP (style-src 'self', no inline styles): nothing here sets a style attribute by markup.
 * Table cells keep their alignment as `data-align` (a stylesheet aligns them), never `style`.
 */

/** The cell alignment of a Markdown table (`:---:`), kept without an inline style. */
const alignAttribute = {
  default: null as 'left' | 'center' | 'right' | null,
  parseHTML: (element: HTMLElement) => {
    const value = element.getAttribute('data-align') ?? element.getAttribute('align');
    return value === 'left' || value === 'center' || value === 'right' ? value : null;
  },
  renderHTML: (attributes: { align?: string | null }) =>
    attributes.align ? { 'data-align': attributes.align } : {},
};

const CspTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), align: alignAttribute };
  },
});

const CspTableHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), align: alignAttribute };
  },
});

const CspTable = Table.extend({
  // Copying a table puts it on the clipboard as HTML: no widths, no style.
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...rest } = HTMLAttributes as Record<string, unknown>;
    return ['table', mergeAttributes(this.options.HTMLAttributes, rest), ['tbody', 0]];
  },
  // Tab moves to the next cell and, after the last one, out of the editor: no row is added
  // behind the person's back and keyboard users are never trapped in a table.
  addKeyboardShortcuts() {
    return {
      ...this.parent?.(),
      Tab: () => this.editor.commands.goToNextCell(),
    };
  },
}).configure({ resizable: false });

/** Links open nothing while editing (a click places the cursor). */
const EditorLink = Link.configure({
  openOnClick: false,
  autolink: true,
  defaultProtocol: 'https',
  HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
});

export const HEADING_LEVELS = [2, 3, 4] as const;

/** The editor's extensions (a fresh list per editor: extensions keep per-editor state). */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      link: false,
      underline: false,
      trailingNode: false,
    }),
    EditorLink,
    CspTable,
    TableRow,
    CspTableHeader,
    CspTableCell,
    Markdown.configure({ markedOptions: { gfm: true } }),
  ];
}
