// Benchmark: CSV user import of 10,000 rows through the real API (issue: "10,000 rows in well
// under a minute"), side by side with the database floor (one set-based INSERT of the same rows)
// measured in the same run on the same embedded PostgreSQL.
import { Client, dist, reportLine, startStack, timed } from './support.mjs';

const { makeNip, makeName, prng } = dist('libs/identity/src/seed/demo-people.js');
const { OPD_DIRECTORY } = dist('libs/identity/src/opds/opd-directory.data.js');

const ROWS = 10_000;
const CATS = [
  'administrasi',
  'pimpinan_tinggi',
  'fungsional_ahli_madya',
  'fungsional_ahli_utama',
  'fungsional_lain',
];

function makeRows() {
  const rand = prng(42);
  const seen = new Set();
  const rows = [];
  for (let i = 0; rows.length < ROWS; i++) {
    const nip = makeNip(rand, i);
    if (seen.has(nip)) continue;
    seen.add(nip);
    const opd = OPD_DIRECTORY[i % OPD_DIRECTORY.length].code;
    rows.push({
      nip,
      name: makeName(rand),
      email: `bench.${nip}@jakarta.go.id`,
      opd,
      cat: CATS[i % 5],
    });
  }
  return rows;
}

const toCsv = (rows, suffix = '') =>
  'nip;name;email;opd_code;jabatan;jabatan_kategori;roles\r\n' +
  rows
    .map((r) => `${r.nip};${r.name}${suffix};${r.email};${r.opd};Analis Kebijakan;${r.cat};asn`)
    .join('\r\n');

export default async function run() {
  const stack = await startStack();
  try {
    const rows = makeRows();
    const db = new Client({ connectionString: stack.floorUrl });
    await db.connect();
    const floor = await timed(async () => {
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex)
         SELECT v.nip, v.name, v.email, o.id, 'Analis Kebijakan', v.cat,
                to_date(substr(v.nip, 1, 8), 'YYYYMMDD'),
                CASE substr(v.nip, 15, 1) WHEN '1' THEN 'male' ELSE 'female' END
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(nip, name, email, opd, cat)
           JOIN opds o ON o.code = v.opd`,
        [
          rows.map((r) => r.nip),
          rows.map((r) => r.name),
          rows.map((r) => r.email),
          rows.map((r) => r.opd),
          rows.map((r) => r.cat),
        ],
      );
      await db.query(
        `INSERT INTO user_roles (user_id, role) SELECT id, 'asn' FROM users WHERE email LIKE 'bench.%'`,
      );
      await db.query('COMMIT');
    });
    await db.end();
    const send = (csv) => stack.upload('/api/v1/users/import', csv, 'pegawai.csv', 'text/csv');
    const create = await send(toCsv(rows));
    const again = await send(toCsv(rows));
    const update = await send(toCsv(rows, ' S.Kom'));
    process.stdout.write(`CSV import of ${ROWS} rows (API over HTTP vs set-based INSERT floor)\n`);
    process.stdout.write(
      `${'floor: one INSERT … unnest'.padEnd(34)} ${floor.ms.toFixed(0).padStart(7)} ms\n`,
    );
    process.stdout.write(`${reportLine('API import (all created)', create, floor.ms)}\n`);
    process.stdout.write(`${reportLine('API re-import (all unchanged)', again, floor.ms)}\n`);
    process.stdout.write(`${reportLine('API import (all updated)', update, floor.ms)}\n`);
  } finally {
    await stack.stop();
  }
}
