// Benchmark: JSON Lines import of 10,000 existing knowledge assets through the real API (issue:
// "10,000 lines import in well under a minute"), side by side with the database floor: the same
// assets inserted straight into PostgreSQL with one set-based statement, in the same run.
import { Client, dist, reportLine, startStack, timed } from './support.mjs';

const { OPD_DIRECTORY } = dist('libs/identity/src/opds/opd-directory.data.js');
const { prng, pick } = dist('libs/identity/src/seed/demo-people.js');

const LINES = 10_000;
const TYPES = ['praktik_baik', 'pelajaran', 'panduan', 'inovasi', 'dokumen'];
const WORDS = [
  'layanan',
  'pengadaan',
  'kepegawaian',
  'anggaran',
  'arsip',
  'kesehatan',
  'sekolah',
  'banjir',
  'perizinan',
  'data',
];

function makeLines() {
  const rand = prng(7);
  return Array.from({ length: LINES }, (_, i) => {
    const topic = `${pick(rand, WORDS)} ${pick(rand, WORDS)}`;
    return {
      externalId: `kmportal-${i}`,
      type: TYPES[i % TYPES.length],
      title: `Pengalaman ${topic} ${i}`,
      summary: `Ringkasan tentang ${topic}.`,
      body: `Isi lengkap tentang ${topic}. `.repeat(20),
      tags: [pick(rand, WORDS), pick(rand, WORDS)],
      opdCode: OPD_DIRECTORY[i % OPD_DIRECTORY.length].code,
      visibility: i % 3 === 0 ? 'publik' : 'internal',
      publishedAt: new Date(Date.UTC(2020 + (i % 5), i % 12, 1 + (i % 28))).toISOString(),
    };
  });
}

export default async function run() {
  const stack = await startStack();
  try {
    const lines = makeLines();
    const db = new Client({ connectionString: stack.floorUrl });
    await db.connect();
    const [{ id: adminId }] = (
      await db.query(`SELECT id FROM users WHERE email = 'admin@lumbung.test'`)
    ).rows;
    const floor = await timed(async () => {
      await db.query(
        `INSERT INTO assets (external_id, type, title, summary, body, tags, opd_id, author_ids, visibility,
                             status, created_by, published_at)
         SELECT r.external_id, r.type, r.title, r.summary, r.body, ARRAY(SELECT jsonb_array_elements_text(r.tags)),
                o.id, ARRAY[$2::uuid], r.visibility, 'published', $2, r.published_at
           FROM jsonb_to_recordset($1::jsonb) AS r(external_id text, type text, title text, summary text,
                body text, tags jsonb, opd text, visibility text, published_at timestamptz)
           JOIN opds o ON o.code = r.opd`,
        [
          JSON.stringify(
            lines.map((l) => ({
              ...l,
              external_id: l.externalId,
              opd: l.opdCode,
              published_at: l.publishedAt,
            })),
          ),
          adminId,
        ],
      );
    });
    await db.end();
    const send = (items) =>
      stack.upload(
        '/api/v1/assets/import',
        items.map((l) => JSON.stringify(l)).join('\n'),
        'lama.jsonl',
        'application/x-ndjson',
      );
    const create = await send(lines);
    const again = await send(lines);
    const update = await send(lines.map((l) => ({ ...l, summary: `${l.summary} Diperbarui.` })));
    process.stdout.write(
      `JSON Lines asset import of ${LINES} lines (API over HTTP vs set-based INSERT floor)\n`,
    );
    process.stdout.write(
      `${'floor: one INSERT … jsonb_to_recordset'.padEnd(34)} ${floor.ms.toFixed(0).padStart(7)} ms\n`,
    );
    process.stdout.write(`${reportLine('API import (all created)', create, floor.ms)}\n`);
    process.stdout.write(`${reportLine('API re-import (all unchanged)', again, floor.ms)}\n`);
    process.stdout.write(`${reportLine('API import (all updated)', update, floor.ms)}\n`);
  } finally {
    await stack.stop();
  }
}
