import { describe, expect, it } from '@jest/globals';
import { getSchema, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { Node } from '@tiptap/pm/model';
import { editorExtensions } from './extensions';

/**
 * What the editor stores is Markdown: a section written (or pasted) in the editor is saved as
 * Markdown and shown again in the editor when the author comes back. Loading and saving without
 * a change must give back the same Markdown, or every visit would rewrite (and re-save) sections.
 */
const extensions = editorExtensions();
const schema = getSchema(extensions);
const markdown = new MarkdownManager({ extensions, markedOptions: { gfm: true } });

/**
 * Markdown → the editor's document (checked against its schema) → Markdown. Like the editor, an
 * empty text is an empty paragraph.
 */
function throughEditor(source: string): { doc: Node; out: string } {
  const json = markdown.parse(source);
  const doc = json.content?.length
    ? Node.fromJSON(schema, json)
    : schema.topNodeType.createAndFill()!;
  doc.check();
  return { doc, out: markdown.serialize(doc.toJSON() as JSONContent) };
}

const SECTION = [
  '## Latar belakang',
  '',
  'Antrean layanan **kepegawaian** mencapai _tiga minggu_; lihat [SOP layanan](https://bpsdm.jakarta.go.id/sop).',
  '',
  '### Langkah',
  '',
  '1. Membuat formulir daring',
  '2. Menjadwalkan verifikasi harian',
  '3. Mengukur waktu layanan',
  '',
  '- Dukungan pimpinan',
  '- Data pegawai yang rapi',
  '  - termasuk riwayat jabatan',
  '',
  '| Layanan | Sebelum | Sesudah |',
  '| --- | --- | --- |',
  '| Kenaikan pangkat | 21 hari | 3 hari |',
  '| Mutasi | 14 hari | 2 hari |',
  '',
  '> Kuncinya adalah data yang rapi.',
  '',
  'Hubungi `helpdesk` bila ada kendala.',
].join('\n');

describe('the write form editor and Markdown', () => {
  it('reads headings, emphasis, links, nested lists, a table, a quote and code from Markdown', () => {
    const { doc } = throughEditor(SECTION);
    const types: string[] = [];
    doc.descendants((node) => {
      types.push(node.type.name);
    });
    expect(types).toEqual(
      expect.arrayContaining([
        'heading',
        'orderedList',
        'bulletList',
        'listItem',
        'table',
        'tableHeader',
        'tableCell',
        'blockquote',
      ]),
    );
    expect(doc.child(0).attrs.level).toBe(2);
    expect(doc.textContent).toContain('Kenaikan pangkat');
  });

  it('gives back the same Markdown after loading and saving without a change', () => {
    const once = throughEditor(SECTION).out;
    expect(throughEditor(once).out).toBe(once);
    // And it is the Markdown a person wrote, not a rewrite of it.
    expect(once).toContain('## Latar belakang');
    expect(once).toContain('### Langkah');
    expect(once).toContain('**kepegawaian**');
    expect(once).toContain('[SOP layanan](https://bpsdm.jakarta.go.id/sop)');
    expect(once).toMatch(/^1\. Membuat formulir daring$/m);
    expect(once).toMatch(/^- Dukungan pimpinan$/m);
    expect(once).toMatch(/^\s+- termasuk riwayat jabatan$/m);
    expect(once).toMatch(/^\| Layanan\s*\| Sebelum\s*\| Sesudah\s*\|$/m);
    expect(once).toMatch(/^\| Kenaikan pangkat\s*\| 21 hari\s*\| 3 hari\s*\|$/m);
    expect(once).toContain('> Kuncinya adalah data yang rapi.');
  });

  it('keeps plain text with Markdown characters as text, stable across saves', () => {
    const text = 'Target 2 * 3 = 6 dan tarif 10_000 #1 [draf]';
    const once = throughEditor(text).out;
    const twice = throughEditor(once).out;
    expect(twice).toBe(once);
    expect(throughEditor(once).doc.textContent).toBe(text);
  });

  it('keeps table cell alignment without inline styles', () => {
    const source = '| Kiri | Tengah | Kanan |\n| :--- | :---: | ---: |\n| a | b | c |';
    const { doc, out } = throughEditor(source);
    const aligns: unknown[] = [];
    doc.descendants((node) => {
      if (node.type.name === 'tableHeader') aligns.push(node.attrs.align);
    });
    expect(aligns).toEqual(['left', 'center', 'right']);
    expect(throughEditor(out).out).toBe(out);
    const { tableCell, paragraph } = schema.nodes;
    const header = tableCell!.create({ align: 'center' }, paragraph!.create());
    expect(JSON.stringify(header.type.spec.toDOM?.(header))).not.toContain('style');
  });

  it('stores an empty section as empty Markdown', () => {
    expect(throughEditor('').out.trim()).toBe('');
  });
});
