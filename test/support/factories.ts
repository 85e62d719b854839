import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { DEFAULT_RUBRIC } from '@lumbung/award';
import { hashPassword } from '../../libs/identity/src/auth/password';

export const TEST_PASSWORD = 'Rahasia#Uji2025';
let hashOnce: Promise<string> | undefined;
let sequence = 0;
let loginSequence = 0;

/** A valid NIP, unique within the run (the sequence goes into the last digits). */
export function nextNip(sex: 1 | 2 = 1): string {
  sequence += 1;
  const seq = String(sequence % 1000).padStart(3, '0');
  const day = String(1 + (Math.floor(sequence / 1000) % 28)).padStart(2, '0');
  return `198503${day}201001${sex}${seq}`;
}

export async function opdIdOf(ds: DataSource, code: string): Promise<string> {
  const [row] = await ds.query<{ id: string }[]>(`SELECT id FROM opds WHERE code = $1`, [code]);
  if (!row) throw new Error(`no OPD ${code}`);
  return row.id;
}

export interface GivenUser {
  id: string;
  nip: string;
  email: string;
  password: string;
  opdCode: string;
}

/** Inserts a user straight into the database with roles; OPD roles are scoped to `opd`. */
export async function givenUser(
  ds: DataSource,
  overrides: { opd?: string; roles?: string[]; active?: boolean; name?: string } = {},
): Promise<GivenUser> {
  const opdCode = overrides.opd ?? 'BPSDM';
  const opdId = await opdIdOf(ds, opdCode);
  const nip = nextNip();
  const email = `user${nip.slice(-9)}@uji.lumbung.test`;
  hashOnce ??= hashPassword(TEST_PASSWORD);
  const [user] = await ds.query<{ id: string }[]>(
    `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex,
                        password_hash, active)
     VALUES ($1, $2, $3, $4, 'Analis Kebijakan', 'fungsional_lain', $7, 'male', $5, $6)
     RETURNING id`,
    [
      nip,
      overrides.name ?? `Pegawai ${nip.slice(-4)}`,
      email,
      opdId,
      await hashOnce,
      overrides.active ?? true,
      // The birth date is the NIP's (a CHECK holds the database to it).
      `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    ],
  );
  const extra = overrides.roles ?? [];
  // Mirrors grantsFor: an assessor-only account is not an asn.
  const roles = extra.length === 1 && extra[0] === 'assessor' ? extra : ['asn', ...extra];
  for (const role of new Set(roles)) {
    const scoped = role === 'verifier' || role === 'opd_admin';
    await ds.query(`INSERT INTO user_roles (user_id, role, opd_id) VALUES ($1, $2, $3)`, [
      user.id,
      role,
      scoped ? opdId : null,
    ]);
  }
  return { id: user.id, nip, email, password: TEST_PASSWORD, opdCode };
}

export interface Session {
  token: string;
  cookie: string;
  auth: { Authorization: string };
}

export async function login(
  http: () => TestAgent,
  user: { email: string; password?: string },
): Promise<Session> {
  loginSequence += 1;
  // A distinct client address per login: apps started with TRUST_PROXY_HOPS=1 (suites that log
  // in many users) then keep under the per-address login limits; others ignore the header.
  const res = await http()
    .post('/api/v1/auth/login')
    .set(
      'X-Forwarded-For',
      `10.77.${Math.floor(loginSequence / 250) % 250}.${(loginSequence % 250) + 1}`,
    )
    .send({ username: user.email, password: user.password ?? TEST_PASSWORD });
  if (res.status !== 200)
    throw new Error(`login failed for ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as { accessToken: string };
  const setCookie = res.headers['set-cookie'] as unknown as string[];
  return {
    token: body.accessToken,
    cookie: setCookie[0].split(';')[0],
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** Template sections that make a `pelajaran` submittable. */
export const LESSON_SECTIONS = {
  rencana: 'a',
  yang_terjadi: 'b',
  mengapa_berbeda: 'c',
  lain_kali: 'd',
};

/** Template sections that make a `wawancara_pengetahuan` submittable (with a narasumber). */
export const INTERVIEW_SECTIONS = {
  topik: 'Tata kelola arsip lama',
  keputusan_kunci: 'Memilah arsip per unit sebelum digitalisasi.',
  aturan_praktis: 'Selalu cek berita acara serah terima.',
  jejaring_kontak: 'Arsip Nasional, bagian umum kelurahan.',
  jebakan: 'Retensi arsip yang belum ditetapkan.',
  saran_penerus: 'Mulai dari daftar arsip vital.',
};

/**
 * An asset through the API, moved as far as `status`: the author drafts it (a complete
 * `pelajaran` unless the body says otherwise) and submits it, the verifier approves it. Returns
 * its id.
 */
export async function givenAsset(
  http: () => TestAgent,
  author: Session,
  verifier: Session,
  status: 'draft' | 'submitted' | 'published',
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = await http()
    .post('/api/v1/assets')
    .set(author.auth)
    .send({ type: 'pelajaran', sections: LESSON_SECTIONS, ...body });
  if (res.status !== 201)
    throw new Error(`draft refused: ${res.status} ${JSON.stringify(res.body)}`);
  const id = (res.body as { id: string }).id;
  if (status === 'draft') return id;
  await http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
  if (status === 'submitted') return id;
  await http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
  return id;
}

/** Publishes an asset through the API (see givenAsset). Returns its id. */
export function publishAsset(
  http: () => TestAgent,
  author: Session,
  verifier: Session,
  body: Record<string, unknown>,
): Promise<string> {
  return givenAsset(http, author, verifier, 'published', body);
}

/**
 * A published asset (see givenAsset) whose author has since edited it: the edit waits as its
 * pending revision. Returns the asset's id and the revision's number.
 */
export async function givenPendingRevision(
  http: () => TestAgent,
  author: Session,
  verifier: Session,
  body: Record<string, unknown> = {},
): Promise<{ id: string; n: number }> {
  const id = await givenAsset(http, author, verifier, 'published', body);
  const res = await http()
    .patch(`/api/v1/assets/${id}`)
    .set(author.auth)
    .send({ summary: `Ringkasan yang diperbarui penulis ${Math.random()}` })
    .expect(200);
  return { id, n: (res.body as { proposedRevision: { n: number } }).proposedRevision.n };
}

/** A text attachment on an asset, uploaded by `uploader`. Returns its id. */
export async function givenAttachment(
  http: () => TestAgent,
  uploader: Session,
  assetId: string,
): Promise<string> {
  const res = await http()
    .post(`/api/v1/assets/${assetId}/attachments`)
    .set(uploader.auth)
    .attach('files', Buffer.from(`Lampiran ${Math.random()}`), 'lampiran.txt')
    .expect(201);
  return (res.body as { id: string }[])[0].id;
}

/** A CoP of the lead's OPD, straight in the database, led by `lead` (a member). Returns its id. */
export async function givenCop(ds: DataSource, lead: { id: string }): Promise<string> {
  const [cop] = await ds.query<{ id: string }[]>(
    `INSERT INTO cops (name, theme, opd_id, created_by)
     SELECT 'Komunitas ' || gen_random_uuid(), 'Tema', opd_id, $1 FROM users WHERE id = $1
     RETURNING id`,
    [lead.id],
  );
  await ds.query(`INSERT INTO user_roles (user_id, role, cop_id) VALUES ($1, 'cop_lead', $2)`, [
    lead.id,
    cop.id,
  ]);
  await givenMember(ds, cop.id, lead);
  return cop.id;
}

/** Makes a user (a fresh one unless given) a member of the CoP. Returns the user's id. */
export async function givenMember(
  ds: DataSource,
  copId: string,
  user?: { id: string },
): Promise<string> {
  const member = user ?? (await givenUser(ds));
  await ds.query(`INSERT INTO cop_memberships (cop_id, user_id) VALUES ($1, $2)`, [
    copId,
    member.id,
  ]);
  return member.id;
}

/** A fresh ASN's open request to join the CoP ("Minta bergabung"). Returns the request's id. */
export async function givenJoinRequest(ds: DataSource, copId: string): Promise<string> {
  const user = await givenUser(ds);
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO cop_join_requests (cop_id, user_id) VALUES ($1, $2) RETURNING id`,
    [copId, user.id],
  );
  return row.id;
}

/** A meeting of the CoP, logged through the API by one who runs it. Returns its id. */
export async function givenMeeting(
  http: () => TestAgent,
  lead: Session,
  copId: string,
): Promise<string> {
  const res = await http()
    .post(`/api/v1/cops/${copId}/meetings`)
    .set(lead.auth)
    .send({
      heldAt: '2025-02-03T10:00:00+07:00',
      mode: 'daring',
      topic: `Pertemuan ${Math.random()}`,
      durationMinutes: 90,
    })
    .expect(201);
  return (res.body as { id: string }).id;
}

/**
 * An award year with the default rubric, straight in the database; `finalized` also freezes an
 * empty snapshot of it, by the given user.
 */
export async function givenAwardYear(
  ds: DataSource,
  year: number,
  finalized?: { by: string },
): Promise<number> {
  await ds.query(`INSERT INTO award_years (year) VALUES ($1)`, [year]);
  await ds.query(
    `INSERT INTO award_rubrics (year, version, aspect_weights, data_weights, winners, rules_version)
     VALUES ($1, 1, $2, $3, 15, 'uji')`,
    [
      year,
      JSON.stringify(DEFAULT_RUBRIC.aspectWeights),
      JSON.stringify(DEFAULT_RUBRIC.dataWeights),
    ],
  );
  if (finalized) {
    const rubric = { version: 1, ...DEFAULT_RUBRIC, rulesVersion: 'uji', createdAt: '' };
    await ds.query(
      `INSERT INTO award_snapshots (year, rubric_version, rules_version, rows, details, finalized_by)
       VALUES ($1, 1, 'uji', '[]', $2, $3)`,
      [year, JSON.stringify({ data: [], metrics: [], quarters: [], rubric }), finalized.by],
    );
    await ds.query(`UPDATE award_years SET finalized_at = now() WHERE year = $1`, [year]);
  }
  return year;
}

/**
 * Raw usage events of an asset as if they had happened at the given instants (the rollups read
 * only the raw log): one per user and instant; `null` is an anonymous reader. The WIB day is
 * derived as the database does for live events.
 */
export async function insertUsageEvents(
  ds: DataSource,
  assetId: string,
  users: (GivenUser | null)[],
  times: string[],
  opts: { type?: string; excluded?: string } = {},
): Promise<void> {
  const [asset] = await ds.query<{ opd_id: string; cop_id: string | null }[]>(
    `SELECT opd_id, cop_id FROM assets WHERE id = $1`,
    [assetId],
  );
  for (const user of users) {
    const opd = user ? await opdIdOf(ds, user.opdCode) : null;
    for (const at of times)
      await ds.query(
        `INSERT INTO usage_events (type, occurred_at, occurred_on, actor_user_id, actor_key, actor_opd_id,
                                   asset_id, asset_opd_id, asset_cop_id, excluded)
         VALUES ($1, $2::timestamptz, ($2::timestamptz AT TIME ZONE 'Asia/Jakarta')::date,
                 $3, $4, $5, $6, $7, $8, $9)`,
        [
          opts.type ?? 'view',
          at,
          user?.id ?? null,
          user?.id ?? 'anon:raw',
          opd,
          assetId,
          asset.opd_id,
          asset.cop_id,
          opts.excluded ?? null,
        ],
      );
  }
}

/**
 * A user of `opd` who is high-risk on the knowledge-at-risk register: a planned mutasi in about
 * six months (attrition 5) and their criticality overridden to 5.
 */
export async function givenHighRiskPerson(
  ds: DataSource,
  overrides: { opd?: string; roles?: string[]; name?: string } = {},
): Promise<GivenUser> {
  const user = await givenUser(ds, overrides);
  await ds.query(
    `UPDATE users SET planned_departure_reason = 'mutasi',
            planned_departure_on = (now() AT TIME ZONE 'Asia/Jakarta')::date + interval '6 months'
      WHERE id = $1`,
    [user.id],
  );
  await ds.query(
    `INSERT INTO criticality_overrides (user_id, value, reason, set_by)
     VALUES ($1, 5, 'Satu-satunya yang memahami bidang ini.', $1)`,
    [user.id],
  );
  return user;
}

/** A WIB day some days from now (YYYY-MM-DD). */
export const inDays = (days: number): string =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** An open retention plan (`direncanakan`, target in a month) for a person, stored directly. */
export async function givenPlan(
  ds: DataSource,
  person: GivenUser,
  interviewer: GivenUser,
): Promise<string> {
  const [plan] = await ds.query<{ id: string }[]>(
    `INSERT INTO retention_plans (user_id, opd_id, interviewer_id, target_date)
     SELECT $1, u.opd_id, $2, (now() AT TIME ZONE 'Asia/Jakarta')::date + interval '1 month'
       FROM users u WHERE u.id = $1 RETURNING id`,
    [person.id, interviewer.id],
  );
  return plan.id;
}

/** A background job that used up its attempts (status dead), as the admin's retry list shows it. */
export async function givenDeadJob(
  ds: DataSource,
  overrides: { queue?: string; error?: string; payload?: Record<string, unknown> } = {},
): Promise<string> {
  const [job] = await ds.query<{ id: string }[]>(
    `INSERT INTO jobs (queue, payload, status, attempts, max_attempts, last_error, finished_at)
     VALUES ($1, $2, 'dead', 8, 8, $3, now()) RETURNING id::text`,
    [
      overrides.queue ?? 'search.asset',
      JSON.stringify(overrides.payload ?? { assetId: '00000000-0000-4000-8000-000000000000' }),
      overrides.error ?? 'Meilisearch tidak menjawab dalam 5 detik',
    ],
  );
  return job.id;
}
