import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, sniffFile } from '@lumbung/knowledge';
import { type DemoFileKind, renderDemoFile } from './demo-files';

describe('demo attachment files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<DemoFileKind>(['pdf', 'docx', 'xlsx', 'pptx'])(
    'writes a %s the upload sniffer accepts and the extractor reads back',
    async (kind) => {
      const bytes = await renderDemoFile(kind, {
        title: 'SOP pengoperasian rumah pompa (DSDA)',
        sections: [
          { heading: 'Tujuan', paragraphs: ['Petugas jaga menyalakan pompa sebelum air meluap.'] },
          {
            heading: 'Langkah',
            paragraphs: ['Periksa saringan sampah setiap jam & catat (level) air.'],
          },
        ],
        table: [
          ['No', 'Kegiatan', 'Penanggung jawab'],
          ['1', 'Rekapitulasi tinggi muka air', 'Operator pompa'],
        ],
      });
      const path = join(dir, `contoh.${kind}`);
      writeFileSync(path, bytes);
      expect((await sniffFile(path))?.kind).toBe(kind);
      const result = await extractText(path, kind);
      expect(result.status).toBe('extracted');
      const text = result.status === 'extracted' ? result.text : '';
      expect(text).toContain('rumah pompa');
      expect(text).toContain('saringan sampah');
      expect(text).toContain('Rekapitulasi tinggi muka air');
    },
  );
});
