import { Workbook } from 'exceljs';
import { templateOf } from '@lumbung/knowledge';
import { UsageRollupService } from '@lumbung/metrics';
import {
  givenUser,
  type GivenUser,
  insertUsageEvents,
  login,
  publishAsset,
  type Session,
} from '../support/factories';
import { binary } from '../support/binary';
import { createTestApp, type TestApp } from '../support/test-app';

interface AspectView {
  data: number;
  assessor: number | null;
  score: number;
  weight: number;
  provisional: boolean;
  inputs: { key: string; raw: number | null; normalised: number | null }[];
}
interface DrillDown {
  rank: number;
  total: number;
  provisional: boolean;
  frozen: boolean;
  aspects: Record<string, AspectView>;
  evidence: { assets: { id: string }[]; meetings: { attendees: number }[] };
}
interface Row {
  opdCode: string;
  rank: number;
  total: number;
  winner: boolean;
  provisional: boolean;
  rubricVersion: number;
  aspects: Record<string, { data: number; score: number }>;
}

const ASPECTS = [
  'relevansi',
  'partisipasi',
  'dokumentasi',
  'diseminasi',
  'manfaat',
  'keberlanjutan',
];
const JUSTIFICATION = 'Tema CoP selaras dengan prioritas RPJMD dan dibuktikan notula.';

describe('the award (KMA)', () => {
  let t: TestApp;
  let rollups: UsageRollupService;
  let admin: Session;
  let assessor: Session;
  let asn: Session;
  let author: Session;
  let verifier: Session;
  const year = 2025;
  let thisYear: number;

  const drill = async (code: string, y = year, s = assessor): Promise<DrillDown> =>
    (await t.http().get(`/api/v1/awards/${y}/scores/${code}`).set(s.auth).expect(200))
      .body as DrillDown;
  const scores = async (y = year): Promise<Row[]> =>
    (await t.http().get(`/api/v1/awards/${y}/scores`).set(assessor.auth).expect(200)).body as Row[];
  const dataOf = (d: DrillDown) => Object.fromEntries(ASPECTS.map((a) => [a, d.aspects[a].data]));
  /** Raw views of an asset as if they had happened at `at`, then the rollups of that day. */
  const rawViews = async (assetId: string, readers: GivenUser[], at: string) => {
    await insertUsageEvents(t.ds, assetId, readers, [at]);
    const day = new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 10);
    await rollups.rebuild(day, day);
  };
  const publishedIn = async (assetId: string, at: string) =>
    t.ds.query(`UPDATE assets SET published_at = $2 WHERE id = $1`, [assetId, at]);

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    rollups = t.app.get(UsageRollupService);
    admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
    assessor = await login(t.http, await givenUser(t.ds, { roles: ['assessor'] }));
    asn = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    author = await login(t.http, await givenUser(t.ds));
    verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    thisYear = Number(
      (
        await t.ds.query<{ y: string }[]>(
          `SELECT extract(year FROM now() AT TIME ZONE 'Asia/Jakarta')::text AS y`,
        )
      )[0].y,
    );
    await t.http().post('/api/v1/awards').set(admin.auth).send({ year }).expect(201);
    await t.http().post('/api/v1/awards').set(admin.auth).send({ year: thisYear }).expect(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('opens a year once, with the default rubric, and validates weights', async () => {
    const res = await t.http().get(`/api/v1/awards/${year}`).set(admin.auth).expect(200);
    expect(res.body).toMatchObject({
      year,
      rubricVersion: 1,
      finalized: false,
      rubric: {
        winners: 15,
        dataWeights: {
          relevansi: 0.2,
          partisipasi: 0.7,
          dokumentasi: 0.7,
          diseminasi: 0.8,
          manfaat: 0.3,
          keberlanjutan: 0.6,
        },
      },
    });
    const dup = await t.http().post('/api/v1/awards').set(admin.auth).send({ year }).expect(409);
    expect(dup.body.code).toBe('AWARD_YEAR_EXISTS');
    for (const bad of [
      { year: 2031, dataWeights: { dokumentasi: 1.5 } },
      { year: 2031, aspectWeights: { rahasia: 1 } },
      { year: 2031, aspectWeights: { dokumentasi: -1 } },
      { year: 2031, winners: 0 },
      { year: 1999 },
    ])
      await t.http().post('/api/v1/awards').set(admin.auth).send(bad).expect(400);
    await t.http().post('/api/v1/awards').set(assessor.auth).send({ year: 2032 }).expect(403);
    await t.http().get('/api/v1/awards/2040').set(admin.auth).expect(404);
    await t.http().get('/api/v1/awards/2040/scores').set(admin.auth).expect(404);
  });

  it('an OPD with no activity scores 0 everywhere but the relevance and impact its assessor gives', async () => {
    const before = await drill('KEPSERIBU');
    expect(dataOf(before)).toEqual(Object.fromEntries(ASPECTS.map((a) => [a, 0])));
    expect(before.total).toBe(0);
    await t
      .http()
      .put(`/api/v1/awards/${year}/assessments/KEPSERIBU/relevansi`)
      .set(assessor.auth)
      .send({ score: 80, justification: JUSTIFICATION })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/awards/${year}/assessments/KEPSERIBU/manfaat`)
      .set(assessor.auth)
      .send({ score: 50, justification: JUSTIFICATION })
      .expect(200);
    const after = await drill('KEPSERIBU');
    expect(after.aspects.relevansi).toMatchObject({
      data: 0,
      assessor: 80,
      score: 64,
      provisional: false,
    });
    expect(after.aspects.manfaat).toMatchObject({
      data: 0,
      assessor: 50,
      score: 35,
      provisional: false,
    });
    for (const a of ['partisipasi', 'dokumentasi', 'diseminasi', 'keberlanjutan'])
      expect(after.aspects[a]).toMatchObject({ score: 0, provisional: true });
    expect(after.total).toBe(16.5);
  });

  it('a provisional aspect becomes final when an assessor scores it, with history kept', async () => {
    const url = `/api/v1/awards/${year}/assessments/DISHUB/dokumentasi`;
    expect((await drill('DISHUB')).aspects.dokumentasi.provisional).toBe(true);
    await t
      .http()
      .put(url)
      .set(assessor.auth)
      .send({ score: 70, justification: JUSTIFICATION })
      .expect(200);
    const res = await t
      .http()
      .put(url)
      .set(assessor.auth)
      .send({ score: 75, justification: `${JUSTIFICATION} Direvisi.` })
      .expect(200);
    expect(res.body.current).toMatchObject({ score: 75 });
    expect(res.body.history.map((h: { score: number }) => h.score)).toEqual([75, 70]);
    const d = await drill('DISHUB');
    expect(d.aspects.dokumentasi).toMatchObject({ assessor: 75, provisional: false });
    expect(d.aspects.dokumentasi.score).toBeCloseTo(0.7 * d.aspects.dokumentasi.data + 0.3 * 75, 2);
    for (const bad of [
      { score: 101, justification: JUSTIFICATION },
      { score: -1, justification: JUSTIFICATION },
      { score: 80, justification: 'terlalu singkat' },
      { score: '80', justification: JUSTIFICATION },
    ])
      await t.http().put(url).set(assessor.auth).send(bad).expect(400);
    await t
      .http()
      .put(`/api/v1/awards/${year}/assessments/DISHUB/rahasia`)
      .set(assessor.auth)
      .send({ score: 80, justification: JUSTIFICATION })
      .expect(400);
    await t
      .http()
      .put(`/api/v1/awards/${year}/assessments/TIDAKADA/dokumentasi`)
      .set(assessor.auth)
      .send({ score: 80, justification: JUSTIFICATION })
      .expect(404);
    await t
      .http()
      .put(url)
      .set(admin.auth)
      .send({ score: 80, justification: JUSTIFICATION })
      .expect(403);
    await t
      .http()
      .put(url)
      .set(asn.auth)
      .send({ score: 80, justification: JUSTIFICATION })
      .expect(403);
  });

  it('doubling an OPD’s distinct readers raises only its dissemination inputs', async () => {
    const a = await login(t.http, await givenUser(t.ds, { opd: 'DISPUSIP' }));
    const v = await login(t.http, await givenUser(t.ds, { opd: 'DISPUSIP', roles: ['verifier'] }));
    const id = await publishAsset(t.http, a, v, { title: 'Arsip', visibility: 'internal' });
    await publishedIn(id, '2025-03-01T03:00:00Z');
    const readers = await Promise.all([1, 2, 3, 4].map(() => givenUser(t.ds, { opd: 'DISPUSIP' })));
    await rawViews(id, readers.slice(0, 2), '2025-05-05T03:00:00Z');
    const before = await drill('DISPUSIP');
    await rawViews(id, readers.slice(2), '2025-05-06T03:00:00Z');
    const after = await drill('DISPUSIP');
    const reach = (d: DrillDown) =>
      d.aspects.diseminasi.inputs.find((i) => i.key === 'internalReach');
    expect(reach(after)?.raw).toBeCloseTo(2 * (reach(before)?.raw ?? 0), 6);
    expect(after.aspects.diseminasi.data).toBeGreaterThan(before.aspects.diseminasi.data);
    for (const aspect of ASPECTS.filter((x) => x !== 'diseminasi'))
      expect(after.aspects[aspect].inputs).toEqual(before.aspects[aspect].inputs);
  });

  it("authors' self-views change nothing", async () => {
    const id = await publishAsset(t.http, author, verifier, {
      title: 'Milik sendiri',
      visibility: 'internal',
    });
    await rollups.foldPending();
    const before = await scores(thisYear);
    for (let i = 0; i < 5; i += 1)
      await t.http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
    await rollups.foldPending();
    // The views were captured (as the author's) and still changed nothing.
    const [own] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM usage_events WHERE asset_id = $1 AND excluded = 'author'`,
      [id],
    );
    expect(own.n).toBe(5);
    expect(await scores(thisYear)).toEqual(before);
  });

  it('weights changed after scoring create a new rubric version; stored scores keep theirs', async () => {
    const v1 = await scores(thisYear);
    expect(v1.every((r) => r.rubricVersion === 1)).toBe(true);
    const res = await t
      .http()
      .patch(`/api/v1/awards/${thisYear}`)
      .set(admin.auth)
      .send({ aspectWeights: { dokumentasi: 3 }, dataWeights: { relevansi: 0.5 } })
      .expect(200);
    expect(res.body).toMatchObject({
      rubricVersion: 2,
      rubric: { aspectWeights: { dokumentasi: 3 } },
    });
    expect(res.body.rubricHistory).toHaveLength(2);
    // The same rubric again is no new version.
    await t
      .http()
      .patch(`/api/v1/awards/${thisYear}`)
      .set(admin.auth)
      .send({ aspectWeights: { dokumentasi: 3 } })
      .expect(200)
      .expect((r) => expect(r.body.rubricVersion).toBe(2));
    const v2 = await scores(thisYear);
    expect(v2.every((r) => r.rubricVersion === 2)).toBe(true);
    const runs = await t.ds.query<{ rubric_version: number; rows: Row[] }[]>(
      `SELECT rubric_version, rows FROM award_score_runs WHERE year = $1 ORDER BY id`,
      [thisYear],
    );
    const old = runs.find((r) => r.rubric_version === 1);
    expect(old?.rows).toEqual(v1);
    await expect(t.ds.query(`UPDATE award_score_runs SET rubric_version = 2`)).rejects.toThrow(
      /append-only/,
    );
    await t
      .http()
      .patch(`/api/v1/awards/${thisYear}`)
      .set(admin.auth)
      .send({ winners: 99 })
      .expect(400);
  });

  it('shows the ranking to members only once published, and another OPD’s drill-down to nobody outside it', async () => {
    // Before finalising, an open year looks to a member as if it did not exist.
    await t.http().get(`/api/v1/awards/${year}/scores`).set(asn.auth).expect(404);
    const listed = async (s: Session) =>
      (
        (await t.http().get('/api/v1/awards').set(s.auth).expect(200)).body as { year: number }[]
      ).map((y) => y.year);
    expect(await listed(asn)).not.toContain(year);
    expect(await listed(assessor)).toEqual(expect.arrayContaining([thisYear, year]));
    const rows = await scores();
    expect(rows).toHaveLength(51);
    expect(rows[0]).toEqual(
      expect.objectContaining({ opdCode: expect.any(String), rank: 1, winner: true }),
    );
    expect(Object.keys(rows[0].aspects).sort()).toEqual([...ASPECTS].sort());
    expect(rows.filter((r) => r.winner).length).toBeGreaterThanOrEqual(15);
    await drill('DINKES', year, asn);
    await t.http().get(`/api/v1/awards/${year}/scores/BPSDM`).set(asn.auth).expect(404);
    await t.http().get(`/api/v1/awards/${year}/scores/TIDAKADA`).set(assessor.auth).expect(404);
    await t.http().get(`/api/v1/awards/${year}/scores`).expect(401);
    await t.http().get(`/api/v1/awards/${year}`).set(asn.auth).expect(403);
  });

  it('an assessor cannot write assets or meetings', async () => {
    await t
      .http()
      .post('/api/v1/assets')
      .set(assessor.auth)
      .send({ type: 'dokumen', title: 'Coba', visibility: 'internal' })
      .expect(403);
    const [cop] = await t.ds.query<{ id: string }[]>(
      `INSERT INTO cops (name, theme, opd_id, created_by)
       SELECT 'CoP Uji Award', 'Tema', opd_id, id FROM users LIMIT 1 RETURNING id`,
    );
    await t
      .http()
      .post(`/api/v1/cops/${cop.id}/meetings`)
      .set(assessor.auth)
      .send({
        heldAt: '2025-03-03T09:00:00+07:00',
        mode: 'luring',
        topic: 'Coba',
        durationMinutes: 60,
      })
      .expect(403);
    // Nothing was stored by either refused write.
    const stored = await t.ds.query<{ assets: number; meetings: number }[]>(
      `SELECT (SELECT count(*)::int FROM assets WHERE title = 'Coba') AS assets,
              (SELECT count(*)::int FROM meetings WHERE cop_id = $1) AS meetings`,
      [cop.id],
    );
    expect(stored).toEqual([{ assets: 0, meetings: 0 }]);
  });

  it('exports the ranking as CSV with a BOM and as XLSX, and one OPD’s evidence pack', async () => {
    const csv = await t
      .http()
      .get(`/api/v1/awards/${year}/export?format=csv`)
      .set(assessor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Peringkat,Kode OPD,Nama OPD,Nilai Total,Pemenang/);
    expect(lines[0]).toContain('Dokumentasi dan Aset Pengetahuan (data)');
    expect(lines).toHaveLength(52);
    // Scores with two decimals at most, Ya/Tidak instead of true/false.
    for (const line of lines.slice(1)) {
      expect(line).not.toMatch(/\d\.\d{3,}/);
      expect(line).not.toMatch(/true|false/);
    }
    const xlsx = await t
      .http()
      .get(`/api/v1/awards/${year}/export?format=xlsx&opd=KEPSERIBU`)
      .set(assessor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Masukan',
      'Aset',
      'Pertemuan',
      'Laporan Penerapan',
      'Anomali',
      'Keterangan',
    ]);
    const summary = book.getWorksheet('Ringkasan')!;
    // The OPD, the rubric version and when it was made, above the table.
    expect(summary.getCell('A1').value).toMatch(
      /^Penghargaan KMA \d{4}: paket bukti .+ \(KEPSERIBU\)$/,
    );
    expect(summary.getCell('A2').value).toMatch(/^Versi rubrik \d+; /);
    expect(summary.getCell('A3').value).toMatch(/^Dibuat \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} WIB$/);
    expect((summary.getRow(5).values as unknown[]).slice(1, 4)).toEqual([
      'Aspek',
      'Nilai data',
      'Nilai asesor',
    ]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(summary.getRow(6).getCell(1).value).toBe('Relevansi Tema');
    expect(summary.getRow(6).getCell(4).value).toBe(64);
    expect(summary.getRow(6).getCell(4).numFmt).toBe('0.00');
    // Every number on every sheet has at most two decimals or is a share with a % format.
    const inputs = book.getWorksheet('Masukan')!;
    inputs.eachRow((row, n) => {
      if (n <= 1) return;
      for (const c of [3, 6]) {
        const v = row.getCell(c).value;
        if (typeof v === 'number') expect(Math.round(v * 100) / 100).toBe(v);
      }
      expect(row.getCell(7).numFmt).toBe('0%');
    });
    // A rate says so, with its count beside it; active quarters are a count of 4.
    expect((inputs.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
      'Aspek',
      'Masukan',
      'Nilai',
      'Satuan',
      'Jumlah',
    ]);
    const byLabel = (label: string) => {
      let found: unknown[] = [];
      inputs.eachRow((row) => {
        if (row.getCell(2).value === label) found = (row.values as unknown[]).slice(1, 6);
      });
      return found;
    };
    expect(byLabel('Pencarian terjawab per 100 ASN')[3]).toBe('per 100 ASN');
    expect(Number.isInteger(byLabel('Pencarian terjawab per 100 ASN')[4])).toBe(true);
    expect(byLabel('Triwulan aktif (dari 4)')[3]).toBe('triwulan (dari 4)');
    // Assets: type and visibility in words, the publication time a real WIB date.
    const a = await login(t.http, await givenUser(t.ds, { opd: 'DISPUSIP' }));
    const v = await login(t.http, await givenUser(t.ds, { opd: 'DISPUSIP', roles: ['verifier'] }));
    const title = 'Panduan alih media arsip statis ke bentuk digital di perpustakaan daerah';
    const assetId = await publishAsset(t.http, a, v, { title, visibility: 'internal' });
    await publishedIn(assetId, '2025-03-01T03:00:00Z');
    const packXlsx = await t
      .http()
      .get(`/api/v1/awards/${year}/export?format=xlsx&opd=DISPUSIP`)
      .set(assessor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const dispusip = new Workbook();
    await dispusip.xlsx.load(packXlsx.body as never);
    const assets = dispusip.getWorksheet('Aset')!;
    expect((assets.getRow(1).values as unknown[]).slice(1)).toEqual([
      'ID',
      'Judul',
      'Jenis',
      'Visibilitas',
      'Kelengkapan',
      'Terbit',
    ]);
    const assetRow = assets
      .getRows(2, assets.rowCount - 1)!
      .find((r) => r.getCell(1).value === assetId)!;
    expect(assetRow.getCell(2).value).toBe(title);
    expect(assetRow.getCell(3).value).toBe(templateOf('pelajaran').label.id);
    expect(assetRow.getCell(4).value).toBe('Internal (semua ASN)');
    expect(assetRow.getCell(5).numFmt).toBe('0%');
    // 03:00 UTC is 10:00 WIB, held as a real date.
    expect(assetRow.getCell(6).value).toEqual(new Date('2025-03-01T10:00:00Z'));
    expect(assetRow.getCell(6).numFmt).toBe('dd/mm/yyyy hh:mm');
    // Widths follow the content: the long title (74 characters) widens its column up to the cap.
    expect(assets.getColumn(2).width).toBe(60);
    expect(assets.getColumn(3).width).toBe(templateOf('pelajaran').label.id.length + 2);
    // Keterangan explains every column of every sheet.
    const about = book.getWorksheet('Keterangan')!;
    const explained = new Set<string>();
    about.eachRow((row) => {
      explained.add(`${row.getCell(1).text}|${row.getCell(2).text}`);
    });
    for (const ws of book.worksheets.filter((w) => w.name !== 'Keterangan')) {
      const headerRow = ws.name === 'Ringkasan' ? 5 : 1;
      for (const h of (ws.getRow(headerRow).values as unknown[]).slice(1))
        expect(explained).toContain(`${ws.name}|${String(h)}`);
    }
    // The evidence pack as CSV: each part under its own name and real headings.
    const packCsv = await t
      .http()
      .get(`/api/v1/awards/${year}/export?format=csv&opd=KEPSERIBU`)
      .set(assessor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const pack = (packCsv.body as Buffer).subarray(3).toString('utf8').split('\r\n');
    expect(pack.slice(0, 2)).toEqual([
      'Ringkasan',
      'Aspek,Nilai data,Nilai asesor,Nilai aspek,Bobot data,Sementara',
    ]);
    expect(pack).toContain('Aset');
    expect(pack).toContain('ID,Judul,Jenis,Visibilitas,Kelengkapan,Terbit');
    expect(pack.join('\n')).not.toContain('Kolom 1');
    await t.http().get(`/api/v1/awards/${year}/export?format=pdf`).set(assessor.auth).expect(400);
    await t.http().get(`/api/v1/awards/${year}/export`).set(asn.auth).expect(403);
  });

  it('a finalised snapshot stays unchanged after new events; the restatement lists the difference', async () => {
    const a = await login(t.http, await givenUser(t.ds, { opd: 'DISBUD' }));
    const v = await login(t.http, await givenUser(t.ds, { opd: 'DISBUD', roles: ['verifier'] }));
    const id = await publishAsset(t.http, a, v, { title: 'Budaya Betawi', visibility: 'internal' });
    await publishedIn(id, '2025-02-01T03:00:00Z');
    await rawViews(id, [await givenUser(t.ds, { opd: 'DISBUD' })], '2025-08-01T03:00:00Z');
    const before = await scores();
    const fin = await t.http().post(`/api/v1/awards/${year}/finalize`).set(admin.auth).expect(200);
    expect(fin.body).toMatchObject({ year, rubricVersion: 1 });
    await t.http().post(`/api/v1/awards/${year}/finalize`).set(admin.auth).expect(409);
    // Late events and a correction after finalising.
    const late = await Promise.all([1, 2, 3].map(() => givenUser(t.ds, { opd: 'DINKES' })));
    await rawViews(id, late, '2025-09-01T03:00:00Z');
    expect(await scores()).toEqual(before);
    // Published: members see the frozen ranking and the year in their list.
    const published = await t.http().get(`/api/v1/awards/${year}/scores`).set(asn.auth).expect(200);
    expect(published.body).toEqual(before);
    const years = (await t.http().get('/api/v1/awards').set(asn.auth).expect(200)).body as {
      year: number;
      finalized: boolean;
    }[];
    expect(years).toContainEqual(expect.objectContaining({ year, finalized: true }));
    expect(years.map((y) => y.year)).not.toContain(thisYear);
    const frozen = await drill('DISBUD');
    expect(frozen.frozen).toBe(true);
    expect(frozen.aspects.dokumentasi.inputs[0]).toEqual(
      expect.objectContaining({
        formula: 'log(1 + aset terbit per 100 ASN)',
        formulaEn: 'log(1 + published assets per 100 ASN)',
      }),
    );
    const res = await t
      .http()
      .get(`/api/v1/awards/${year}/restatement`)
      .set(assessor.auth)
      .expect(200);
    const disbud = (res.body.changes as { opdCode: string; inputs: { input: string }[] }[]).find(
      (c) => c.opdCode === 'DISBUD',
    );
    expect(disbud?.inputs.map((i) => i.input)).toEqual(
      expect.arrayContaining(['otherOpdsReached']),
    );
    expect(disbud?.inputs).toContainEqual(
      expect.objectContaining({
        input: 'otherOpdsReached',
        label: 'OPD lain yang membaca',
        labelEn: 'Other OPDs with readers',
      }),
    );
    expect(res.body.reasons.usageDaysRefolded).toBeGreaterThan(0);
    // Frozen: no backdated meetings, assessments or weight changes.
    await t
      .http()
      .put(`/api/v1/awards/${year}/assessments/DISBUD/relevansi`)
      .set(assessor.auth)
      .send({ score: 90, justification: JUSTIFICATION })
      .expect(409);
    await t
      .http()
      .patch(`/api/v1/awards/${year}`)
      .set(admin.auth)
      .send({ winners: 10 })
      .expect(409);
    const lead = await givenUser(t.ds, { opd: 'DISBUD', roles: ['opd_admin'] });
    const leadSession = await login(t.http, lead);
    const cop = await t
      .http()
      .post('/api/v1/cops')
      .set(leadSession.auth)
      .send({ name: 'CoP Budaya', theme: 'Budaya', leadIds: [lead.id] })
      .expect(201);
    const backdated = await t
      .http()
      .post(`/api/v1/cops/${cop.body.id as string}/meetings`)
      .set(leadSession.auth)
      .send({
        heldAt: '2025-11-03T09:00:00+07:00',
        mode: 'luring',
        topic: 'Mundur',
        durationMinutes: 60,
      })
      .expect(409);
    expect(backdated.body.code).toBe('AWARD_YEAR_FINALIZED');
    await expect(t.ds.query(`UPDATE award_snapshots SET rubric_version = 9`)).rejects.toThrow(
      /append-only/,
    );
    await t.http().get(`/api/v1/awards/${thisYear}/restatement`).set(assessor.auth).expect(409);
  });

  it('one number, one definition: each input of a seeded OPD equals its recomputation from the raw events wherever it appears', async () => {
    // A year of its own: 2025 is finalised by an earlier test, and its drill-down is a snapshot.
    await t.http().post('/api/v1/awards').set(admin.auth).send({ year: 2024 }).expect(201);
    const code = 'DPPKUKM';
    const opdAdmin = await login(
      t.http,
      await givenUser(t.ds, { opd: code, roles: ['opd_admin'] }),
    );
    const a = await login(t.http, await givenUser(t.ds, { opd: code }));
    const v = await login(t.http, await givenUser(t.ds, { opd: code, roles: ['verifier'] }));
    const lead = await givenUser(t.ds, { opd: code });
    const own = await Promise.all([1, 2, 3].map(() => givenUser(t.ds, { opd: code })));
    const others = await Promise.all([1, 2].map(() => givenUser(t.ds, { opd: 'DINSOS' })));
    const first = await publishAsset(t.http, a, v, {
      title: 'Kurasi produk UMKM untuk e-katalog',
      visibility: 'internal',
    });
    const second = await publishAsset(t.http, a, v, {
      title: 'Pendampingan koperasi simpan pinjam',
      visibility: 'internal',
    });
    await publishedIn(first, '2024-02-10T03:00:00Z');
    await publishedIn(second, '2024-08-11T03:00:00Z');
    // The raw log: 3 readers of the OPD and 2 of DINSOS read the first asset in February; 4 of
    // them came from search results.
    await insertUsageEvents(t.ds, first, [...own, ...others], ['2024-02-12T03:00:00Z']);
    await insertUsageEvents(
      t.ds,
      first,
      [own[0], own[1], others[0], others[1]],
      ['2024-02-12T02:59:50Z'],
      { type: 'search_click' },
    );
    await rollups.rebuild('2024-02-12', '2024-02-12');
    const cop = (
      await t
        .http()
        .post('/api/v1/cops')
        .set(opdAdmin.auth)
        .send({ name: 'Komunitas UMKM', theme: 'UMKM', leadIds: [lead.id] })
        .expect(201)
    ).body.id as string;
    const headcount = (await t.http().get(`/api/v1/opds/${code}`).set(admin.auth).expect(200)).body
      .headcount as number;
    expect(headcount).toBeGreaterThan(0);
    const expected = {
      publishedAssets: 2,
      searchClicks: 4,
      internalReaders: 3,
      otherOpdsReached: 1,
    };
    const per100 = (n: number) => Math.round(((n * 100) / headcount) * 100) / 100;

    // The metrics API: the year and its Triwulan.
    const metrics = (
      await t.http().get(`/api/v1/metrics/opds/${code}?year=2024`).set(assessor.auth).expect(200)
    ).body as {
      opd: Record<string, number>;
      quarters: Record<string, number>[];
    };
    expect(metrics.opd).toMatchObject(expected);
    const byQuarter = metrics.quarters.map((q) => q.publishedAssets);
    expect(byQuarter).toEqual([1, 0, 1, 0]);
    // The activity views of the OPD and of its CoP say the same per Triwulan.
    for (const path of [
      `/api/v1/opds/${code}/activity?year=2024`,
      `/api/v1/cops/${cop}/activity?year=2024`,
    ]) {
      const activity = (await t.http().get(path).set(opdAdmin.auth).expect(200)).body as {
        quarters: { assetsPublishedByOpd: number }[];
      };
      expect({ path, counts: activity.quarters.map((q) => q.assetsPublishedByOpd) }).toEqual({
        path,
        counts: byQuarter,
      });
    }
    // The award's drill-down: a rate per 100 ASN shows the rate, with its count beside it.
    const inputs = Object.fromEntries(
      Object.values((await drill(code, 2024)).aspects).flatMap((aspect) =>
        (
          aspect.inputs as unknown as {
            key: string;
            value: number;
            unit: string;
            count: number | null;
          }[]
        ).map((i) => [i.key, i]),
      ),
    );
    expect(inputs.assetsPer100).toMatchObject({ unit: 'per100Asn', count: 2, value: per100(2) });
    expect(inputs.searchClicksPer100).toMatchObject({
      unit: 'per100Asn',
      count: 4,
      value: per100(4),
    });
    expect(inputs.internalReach).toMatchObject({
      unit: 'percent',
      count: null,
      value: metrics.opd.internalReachPercent,
    });
    expect(inputs.otherOpdsReached).toMatchObject({ unit: 'number', value: 1 });
    expect(inputs.activeQuarters).toMatchObject({
      unit: 'quarters',
      value: metrics.opd.activeQuarters,
    });
    // The evidence pack's XLSX carries the same numbers.
    const xlsx = await t
      .http()
      .get(`/api/v1/awards/2024/export?format=xlsx&opd=${code}`)
      .set(assessor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.getWorksheet('Masukan')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        rows.push(
          Object.fromEntries(header.map((h, i) => [String(h), (row.values as unknown[])[i + 1]])),
        );
    });
    const row = (label: string) => rows.find((r) => r.Masukan === label);
    expect(row('Aset terbit per 100 ASN')).toMatchObject({
      Nilai: per100(2),
      Satuan: 'per 100 ASN',
      Jumlah: 2,
    });
    expect(row('Pencarian terjawab per 100 ASN')).toMatchObject({ Nilai: per100(4), Jumlah: 4 });
    expect(row('Triwulan aktif (dari 4)')).toMatchObject({
      Nilai: metrics.opd.activeQuarters,
      Satuan: 'triwulan (dari 4)',
    });
  });
});
