import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The required template sections of each type at this release (libs/knowledge asset-types.ts;
 * platform knows no domain code, so they are written out here as they stood).
 */
const REQUIRED_SECTIONS: Record<string, string[]> = {
  praktik_baik: ['latar_belakang', 'langkah', 'hasil', 'faktor_kunci', 'cara_mereplikasi'],
  pelajaran: ['rencana', 'yang_terjadi', 'mengapa_berbeda', 'lain_kali'],
  panduan: ['tujuan', 'prasyarat', 'langkah_langkah', 'kesalahan_umum'],
  wawancara_pengetahuan: [
    'topik',
    'keputusan_kunci',
    'aturan_praktis',
    'jejaring_kontak',
    'jebakan',
    'saran_penerus',
  ],
  inovasi: ['masalah', 'solusi', 'dampak', 'sumber_daya', 'status_replikasi'],
  dokumen: ['ringkasan'],
};

/**
 * Completeness counts every required section as its own item beside the summary, a tag, the SECI
 * mode, the interviewed expert and a required attachment (issue #16): the stored value of every
 * asset is recomputed with that rule, as computeCompleteness now gives it on every write.
 */
export class CompletenessPerSection1765497600000 implements MigrationInterface {
  name = 'CompletenessPerSection1765497600000';

  async up(q: QueryRunner): Promise<void> {
    const types = Object.keys(REQUIRED_SECTIONS);
    await q.query(
      `WITH req AS (
         SELECT t.type, string_to_array(t.keys, ',') AS keys
           FROM unnest($1::text[], $2::text[]) AS t(type, keys)),
       calc AS (
         SELECT a.id,
                (SELECT count(*) FROM unnest(r.keys) k
                  WHERE regexp_replace(coalesce(a.sections ->> k, ''), '^\\s+|\\s+$', '', 'g') <> '')
                + (a.type = 'wawancara_pengetahuan' AND a.narasumber_id IS NOT NULL)::int
                + (regexp_replace(a.summary, '^\\s+|\\s+$', '', 'g') <> '')::int
                + (cardinality(a.tags) > 0)::int
                + (a.seci_mode IS NOT NULL)::int
                + (a.type = 'dokumen' AND EXISTS (
                     SELECT 1 FROM attachments f WHERE f.asset_id = a.id AND f.scan_status <> 'pending_scan'))::int
                  AS done,
                cardinality(r.keys) + 3 + (a.type IN ('wawancara_pengetahuan', 'dokumen'))::int AS items
           FROM assets a JOIN req r ON r.type = a.type)
       UPDATE assets a SET completeness = round(c.done::numeric / c.items, 3)
         FROM calc c
        WHERE c.id = a.id AND a.completeness <> round(c.done::numeric / c.items, 3)`,
      [types, types.map((t) => REQUIRED_SECTIONS[t].join(','))],
    );
  }

  async down(): Promise<void> {
    // The values it replaced are not kept, so there is nothing to restore.
  }
}
