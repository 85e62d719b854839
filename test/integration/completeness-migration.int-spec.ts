import { DataSource } from 'typeorm';
import { type AssetType, computeCompleteness } from '@lumbung/knowledge';
import { dataSourceOptions } from '@lumbung/platform';
import { CompletenessPerSection1765497600000 } from '../../libs/platform/src/database/migrations/1765497600000-completeness-per-section';
import { givenUser, opdIdOf } from '../support/factories';
import { createTestDatabase } from '../support/test-app';

interface Given {
  type: AssetType;
  summary?: string;
  sections?: Record<string, string>;
  tags?: string[];
  seciMode?: string | null;
  narasumber?: boolean;
  attachment?: 'clean' | 'pending_scan';
}

describe('migration: completeness counts every required section', () => {
  it('stores for every asset what computeCompleteness gives it', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    try {
      const author = await givenUser(ds);
      const opdId = await opdIdOf(ds, 'BPSDM');
      const cases: Given[] = [
        { type: 'pelajaran', sections: { rencana: 'Rencana' }, summary: 'Ringkas', tags: ['a'] },
        {
          type: 'pelajaran',
          sections: { rencana: 'R', yang_terjadi: ' \n\t', lain_kali: 'L' },
          summary: '   ',
          seciMode: 'eksternalisasi',
        },
        { type: 'praktik_baik' },
        {
          type: 'panduan',
          sections: { tujuan: 'T', prasyarat: 'P', langkah_langkah: 'L', kesalahan_umum: 'K' },
          summary: 'S',
          tags: ['x'],
          seciMode: 'kombinasi',
        },
        { type: 'wawancara_pengetahuan', narasumber: true, sections: { topik: 'Topik' } },
        { type: 'inovasi', sections: { masalah: 'M', solusi: 'S' }, tags: ['y'] },
        { type: 'dokumen', sections: { ringkasan: 'R' }, attachment: 'clean' },
        { type: 'dokumen', sections: { ringkasan: 'R' }, attachment: 'pending_scan' },
      ];
      const ids: string[] = [];
      for (const [i, c] of cases.entries()) {
        const [row] = await ds.query<{ id: string }[]>(
          `INSERT INTO assets (type, title, summary, sections, tags, opd_id, author_ids, narasumber_id,
                               seci_mode, visibility, status, completeness, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, ARRAY[$7::uuid], $8, $9, 'internal', 'draft', 0.5, $7)
           RETURNING id`,
          [
            c.type,
            `Aset ${i}`,
            c.summary ?? '',
            JSON.stringify(c.sections ?? {}),
            c.tags ?? [],
            opdId,
            author.id,
            c.narasumber ? author.id : null,
            c.seciMode ?? null,
          ],
        );
        ids.push(row.id);
        if (c.attachment)
          await ds.query(
            `INSERT INTO attachments (asset_id, storage_key, display_name, kind, mime, size_bytes, sha256,
                                      scan_status, uploaded_by)
             VALUES ($1, $2, 'a.pdf', 'pdf', 'application/pdf', 10, repeat('a', 64), $3, $4)`,
            [row.id, `k-${i}`, c.attachment, author.id],
          );
      }
      const runner = ds.createQueryRunner();
      try {
        await new CompletenessPerSection1765497600000().up(runner);
      } finally {
        await runner.release();
      }
      const stored = await ds.query<{ id: string; completeness: string }[]>(
        `SELECT id, completeness FROM assets WHERE id = ANY($1)`,
        [ids],
      );
      const byId = new Map(stored.map((r) => [r.id, Number(r.completeness)]));
      const expected = cases.map(
        (c) =>
          computeCompleteness({
            type: c.type,
            summary: c.summary ?? '',
            sections: c.sections ?? {},
            tags: c.tags ?? [],
            seciMode: c.seciMode ?? null,
            narasumberId: c.narasumber ? author.id : null,
            attachmentCount: c.attachment === 'clean' ? 1 : 0,
          }).score,
      );
      expect(ids.map((id) => byId.get(id))).toEqual(expected);
      // Spot checks of the rule itself: 3 of 7, and a dokumen whose file awaits its scan.
      expect(expected[0]).toBe(0.429);
      expect(expected[7]).toBe(0.2);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
