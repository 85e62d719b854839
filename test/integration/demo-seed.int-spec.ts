import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { LocalDiskStorage } from '@lumbung/platform';
import { ASSET_TYPE_TEMPLATES, normalizeTags } from '@lumbung/knowledge';
import { positionsFor } from '@lumbung/identity';
import { THEMES } from '../../apps/cli/src/demo/demo-themes';
import { prepareDatabase } from '../../apps/cli/src/local/database-setup';
import { binary } from '../support/binary';
import { login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

const PASSWORD = 'Lumbung#2025';

/** The fingerprint of the demo as seeded (see DEMO_FINGERPRINT): a changed demo updates it. */
const SEEDED: Record<string, string> = {
  assessments: '20 4119b11cb9d4e31f72e2067634851966',
  assets: '281 6656864f1a137343c8bd5ee70597d1de',
  attendees: '2354 998b93b070844ec14ff36ef8e386bc79',
  cops: '44 bfd1844fa7bc868c296ce3a1cdfc1ff5',
  endorsements: '489 dfc196db7fe471ca425fc67cc828d822',
  events: '9119 8ae38789ebba50cf4a35d7f901550ebb',
  meetings: '251 a76a4c771ae600ecdde2b4b326b7db8b',
  memberships: '482 8696766698520ec58ff5da593c8f0aac',
  outputs: '90 0bdb90b75515956b2207b051b591593e',
  people: '638 2ec206c07a78b3cfb756c1d338f64ff5',
  reuse: '150 3a46dc030f379d4330d21cad391c0603',
};

/**
 * What the demo year seeds, one line per row in terms that survive a reseed (emails, names,
 * titles, times; never the random ids), hashed per table: the same on every `npm start` on empty
 * data. Dates the seed takes from the clock (review due dates, the verifiers' fresh submissions,
 * the risk register's plans) are left out; the other suites' requests come after it.
 */
const DEMO_FINGERPRINT: Record<string, string> = {
  people: `SELECT u.email || '|' || u.name || '|' || o.code || '|' || u.jabatan || '|' || u.jabatan_kategori || '|' || u.sex
             FROM users u JOIN opds o ON o.id = u.opd_id`,
  cops: `SELECT c.name || '|' || o.code || '|' || coalesce(c.sk_reference, '') || '|' || u.email
           FROM cops c JOIN opds o ON o.id = c.opd_id JOIN users u ON u.id = c.created_by`,
  memberships: `SELECT c.name || '|' || u.email || '|' || extract(epoch FROM cm.joined_at)::bigint
                  FROM cop_memberships cm JOIN cops c ON c.id = cm.cop_id JOIN users u ON u.id = cm.user_id`,
  meetings: `SELECT c.name || '|' || extract(epoch FROM m.held_at)::bigint || '|' || m.topic || '|' || m.mode
                    || '|' || m.duration_minutes || '|' || m.minutes_visibility || '|' || md5(m.minutes)
                    || '|' || coalesce(extract(epoch FROM m.minutes_at)::bigint::text, '') || '|' || u.email
               FROM meetings m JOIN cops c ON c.id = m.cop_id JOIN users u ON u.id = m.created_by`,
  attendees: `SELECT c.name || '|' || extract(epoch FROM m.held_at)::bigint || '|' || u.email || '|' || o.code
                FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id JOIN cops c ON c.id = m.cop_id
                JOIN users u ON u.id = a.user_id JOIN opds o ON o.id = a.opd_id`,
  outputs: `SELECT c.name || '|' || extract(epoch FROM m.held_at)::bigint || '|' || a.title
              FROM meeting_outputs x JOIN meetings m ON m.id = x.meeting_id JOIN cops c ON c.id = m.cop_id
              JOIN assets a ON a.id = x.asset_id`,
  assets: `SELECT o.code || '|' || a.title || '|' || a.type || '|' || a.visibility || '|' || a.status
                  || '|' || md5(a.summary || a.sections::text) || '|' || array_to_string(a.tags, ',')
                  || '|' || a.completeness || '|' || coalesce(n.email, '')
                  || '|' || (SELECT string_agg(u.email, ',' ORDER BY x.k) FROM unnest(a.author_ids) WITH ORDINALITY x(id, k)
                               JOIN users u ON u.id = x.id)
             FROM assets a JOIN opds o ON o.id = a.opd_id LEFT JOIN users n ON n.id = a.narasumber_id`,
  events: `SELECT e.type || '|' || extract(epoch FROM e.occurred_at)::bigint || '|' || coalesce(u.email, e.actor_key)
                  || '|' || coalesce(a.title, '') || '|' || coalesce(e.excluded, '')
             FROM usage_events e LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN assets a ON a.id = e.asset_id`,
  endorsements: `SELECT a.title || '|' || u.email || '|' || extract(epoch FROM x.created_at)::bigint
                   FROM asset_endorsements x JOIN assets a ON a.id = x.asset_id JOIN users u ON u.id = x.user_id`,
  reuse: `SELECT a.title || '|' || u.email || '|' || md5(x.story) || '|' || extract(epoch FROM x.created_at)::bigint
            FROM asset_reuse_reports x JOIN assets a ON a.id = x.asset_id JOIN users u ON u.id = x.user_id`,
  assessments: `SELECT x.year || '|' || o.code || '|' || x.aspect || '|' || x.score || '|' || md5(x.justification) || '|' || u.email
                  FROM award_assessments x JOIN opds o ON o.id = x.opd_id JOIN users u ON u.id = x.assessor_id`,
};

async function demoFingerprint(t: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(DEMO_FINGERPRINT)) {
    const [row] = await t.ds.query<{ n: number; md5: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(line, E'\\n' ORDER BY line), '')) AS md5
         FROM (${sql}) AS x(line)`,
    );
    out[name] = `${row.n} ${row.md5}`;
  }
  return out;
}

/** The demo `npm start` seeds, checked for what a first visitor would notice (issue #16, item 4). */
describe('demo data looks like Jakarta', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await prepareDatabase(
      t.config.database.url,
      { seed: true, password: PASSWORD },
      new LocalDiskStorage(t.config),
    );
    // What the worker does after `npm start`: extract the files' text and index the assets.
    await t.drainJobs();
  }, 900_000);
  afterAll(() => t.close());

  it('seeds the same demo on every run (meeting attendees included)', async () => {
    expect(await demoFingerprint(t)).toEqual(SEEDED);
  });

  it('holds meetings on working days, in office hours (WIB)', async () => {
    const [row] = await t.ds.query<{ n: number; weekend: number; off_hours: number }[]>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE extract(isodow FROM held_at AT TIME ZONE 'Asia/Jakarta') > 5)::int AS weekend,
              count(*) FILTER (WHERE extract(hour FROM held_at AT TIME ZONE 'Asia/Jakarta') NOT BETWEEN 8 AND 14
                                  OR held_at + make_interval(mins => duration_minutes)
                                     > date_trunc('day', held_at AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'
                                       + interval '17 hours')::int AS off_hours
         FROM meetings`,
    );
    expect(row.n).toBeGreaterThan(100);
    expect({ weekend: row.weekend, offHours: row.off_hours }).toEqual({ weekend: 0, offHours: 0 });
  });

  it('has members join their CoP (and the CoP exist) before the meetings they attended', async () => {
    const late = await t.ds.query<{ topic: string }[]>(
      `SELECT m.topic FROM meeting_attendees ma
         JOIN meetings m ON m.id = ma.meeting_id
         JOIN cops c ON c.id = m.cop_id
         LEFT JOIN cop_memberships cm ON cm.cop_id = m.cop_id AND cm.user_id = ma.user_id
        WHERE cm.joined_at > m.held_at OR c.created_at > m.held_at`,
    );
    expect(late).toEqual([]);
    const [members] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM meeting_attendees ma JOIN meetings m ON m.id = ma.meeting_id
         JOIN cop_memberships cm ON cm.cop_id = m.cop_id AND cm.user_id = ma.user_id`,
    );
    expect(members.n).toBeGreaterThan(200);
  });

  it('gives every OPD content from its own mandate, with unique titles and no templated text', async () => {
    const assets = await t.ds.query<
      {
        code: string;
        title: string;
        summary: string;
        tags: string[];
        sections: object;
        register: boolean;
      }[]
    >(
      // Interviews of the knowledge-at-risk register are tagged with the expertise their narasumber
      // declared (some of it cross-cutting: procurement, archives): those tags are checked there.
      `SELECT o.code, a.title, a.summary, a.tags, a.sections,
              a.tags::text[] <@ ARRAY(SELECT d.topic::text FROM expertise_declarations d WHERE d.user_id = a.narasumber_id)
                AS register
         FROM assets a JOIN opds o ON o.id = a.opd_id`,
    );
    expect(assets.length).toBeGreaterThan(150);
    const codes = await t.ds.query<{ code: string }[]>(`SELECT code FROM opds`);
    expect(codes.filter((c) => !THEMES[c.code])).toEqual([]);
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const a of assets) {
      const theme = THEMES[a.code];
      const key = `${a.code}|${a.title}`;
      if (seen.has(key)) problems.push(`duplicate title ${key}`);
      seen.add(key);
      const own = theme.titles.some((s) => a.title.toLowerCase().includes(s.toLowerCase()));
      if (!own && !a.register) problems.push(`off-theme title ${key}`);
      const tags = normalizeTags(theme.tags);
      if (a.tags.length === 0 || (!a.register && a.tags.some((tag) => !tags.includes(tag))))
        problems.push(`off-theme tags ${key}: ${a.tags.join(', ')}`);
      if (/\([^)]*, [A-Z]+\)\.$/.test(a.summary)) problems.push(`templated summary ${key}`);
      if (ASSET_TYPE_TEMPLATES.some((tpl) => a.title.startsWith(`${tpl.label.id}:`)))
        problems.push(`templated title ${key}`);
      if (Object.values(a.sections).some((s) => typeof s !== 'string' || s.length < 40))
        problems.push(`thin section ${key}`);
    }
    expect(problems).toEqual([]);
    // Lengths vary, as people write.
    const lengths = new Set(assets.map((a) => JSON.stringify(a.sections).length));
    expect(lengths.size).toBeGreaterThan(assets.length * 0.6);
  });

  it('gives people job titles that exist in their kind of agency', async () => {
    const users = await t.ds.query<{ code: string; name: string; jabatan: string }[]>(
      `SELECT o.code, o.name, u.jabatan FROM users u JOIN opds o ON o.id = u.opd_id`,
    );
    const misfits = users.filter(
      (u) => !positionsFor(u.name, u.code).some((p) => p.jabatan === u.jabatan),
    );
    expect(misfits).toEqual([]);
    expect(users.filter((u) => u.jabatan === 'Kepala Badan')).toEqual([]);
  });

  it('dates review from the day it is seeded: most ahead, a deliberate few overdue', async () => {
    const [row] = await t.ds.query<{ n: number; overdue: number }[]>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE review_due_at < now())::int AS overdue
         FROM assets WHERE status = 'published'`,
    );
    expect(row.overdue).toBeGreaterThan(0);
    expect(row.overdue / row.n).toBeLessThan(0.15);
  });

  it('has every document carry a stored file whose text is extracted and searchable', async () => {
    const files = await t.ds.query<
      {
        type: string;
        asset_id: string;
        storage_key: string;
        kind: string;
        size_bytes: string;
        sha256: string;
        text_status: string;
        extracted_text: string | null;
        completeness: string;
      }[]
    >(
      `SELECT a.type, a.id AS asset_id, f.storage_key, f.kind, f.size_bytes, f.sha256, f.text_status,
              f.extracted_text, a.completeness
         FROM assets a LEFT JOIN attachments f ON f.asset_id = a.id
        WHERE a.type = 'dokumen' OR f.id IS NOT NULL`,
    );
    const documents = files.filter((f) => f.type === 'dokumen');
    expect(documents.length).toBeGreaterThan(20);
    expect(documents.filter((f) => !f.storage_key)).toEqual([]);
    expect(new Set(files.map((f) => f.kind))).toEqual(new Set(['pdf', 'docx', 'xlsx', 'pptx']));
    const storage = new LocalDiskStorage(t.config);
    for (const f of files) {
      const bytes = await storage.withLocalFile(f.storage_key, (path) => readFile(path));
      expect({
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      }).toEqual({ size: Number(f.size_bytes), sha256: f.sha256 });
      expect({ kind: f.kind, status: f.text_status }).toEqual({
        kind: f.kind,
        status: 'extracted',
      });
    }
    // A complete document counts its file (summary, tag, SECI mode, ringkasan and the attachment).
    expect(documents.filter((f) => Number(f.completeness) < 1)).toEqual([]);

    // A phrase only the files hold finds their assets, and the file downloads.
    const [onlyInFiles] = await t.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM assets
        WHERE (title || summary || sections::text) ILIKE '%penandatanganan%'`,
    );
    expect(onlyInFiles.n).toBe(0);
    const asn: Session = await login(t.http, {
      email: 'asn.bpsdm@lumbung.test',
      password: PASSWORD,
    });
    const res = await t
      .http()
      .get('/api/v1/search?q=penandatanganan&limit=50')
      .set(asn.auth)
      .expect(200);
    const hits = (res.body as { hits: { id: string }[]; total: number }).hits.map((h) => h.id);
    expect(hits.length).toBeGreaterThan(5);
    expect(files.some((f) => f.type === 'dokumen' && hits.includes(f.asset_id))).toBe(true);
    const [readable] = await t.ds.query<{ id: string; size_bytes: string }[]>(
      `SELECT f.id, f.size_bytes FROM attachments f JOIN assets a ON a.id = f.asset_id
        WHERE a.status = 'published' AND a.visibility IN ('internal', 'publik') ORDER BY f.created_at LIMIT 1`,
    );
    const download = await t
      .http()
      .get(`/api/v1/attachments/${readable.id}`)
      .set(asn.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((download.body as Buffer).length).toBe(Number(readable.size_bytes));
  });

  it('leaves submissions waiting for each demo verifier', async () => {
    for (const email of ['verifier.bpsdm@lumbung.test', 'verifier.dinkes@lumbung.test']) {
      const s = await login(t.http, { email, password: PASSWORD });
      const res = await t.http().get('/api/v1/review/queue').set(s.auth).expect(200);
      const body = res.body as { total: number };
      expect({ email, waiting: body.total >= 3 }).toEqual({ email, waiting: true });
    }
  });

  it('flags exactly the demo year’s two seeded anomalies', async () => {
    const s = await login(t.http, { email: 'assessor@lumbung.test', password: PASSWORD });
    const res = await t.http().get('/api/v1/metrics/anomalies?year=2025').set(s.auth).expect(200);
    expect(
      (res.body as { kind: string; opdCode: string; period: string }[]).map(
        (a) => `${a.kind}:${a.opdCode}:${a.period}`,
      ),
    ).toEqual(['spike:DISHUB:2025-08', 'concentration:DISHUB:2025-08-14']);
  });
});
