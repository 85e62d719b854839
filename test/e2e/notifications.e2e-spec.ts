import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DailyNotifications } from '@lumbung/notifications';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  givenAsset,
  givenCop,
  givenMember,
  givenPendingRevision,
  givenUser,
  type GivenUser,
  inDays,
  login,
  publishAsset,
  type Session,
  INTERVIEW_SECTIONS,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface Item {
  id: string;
  type: string;
  params: Record<string, unknown>;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * Issue 19 item 3: each event gives the right people one notification (in the transaction of
 * the change), nobody else, and nothing about what a recipient may not read.
 */
describe('notifications: who hears of what, once', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let author: Session;
  let authorUser: GivenUser;
  let coAuthorUser: GivenUser;
  let coAuthor: Session;
  let verifierUser: GivenUser;
  let verifier: Session;
  let secondVerifierUser: GivenUser;
  let secondVerifier: Session;
  let dinkesVerifier: Session;
  let bystander: Session;

  const inbox = async (s: Session, query: Record<string, string> = {}) =>
    (await t.http().get('/api/v1/notifications').query(query).set(s.auth).expect(200)).body as {
      items: Item[];
      total: number;
      unread: number;
    };
  /** The caller's notifications of a type about one link. */
  const about = async (s: Session, type: string, link: string) =>
    (await inbox(s, { limit: '100' })).items.filter((i) => i.type === type && i.link === link);
  const storedFor = async (userId: string) =>
    t.ds.query<{ type: string; event_key: string }[]>(
      `SELECT type, event_key FROM notifications WHERE recipient_id = $1 ORDER BY id`,
      [userId],
    );

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY_HOPS: '1' });
    authorUser = await givenUser(t.ds, { name: 'Siti Penulis' });
    author = await login(t.http, authorUser);
    coAuthorUser = await givenUser(t.ds, { name: 'Rina Pendamping' });
    coAuthor = await login(t.http, coAuthorUser);
    verifierUser = await givenUser(t.ds, { roles: ['verifier'], name: 'Bambang Verifikator' });
    verifier = await login(t.http, verifierUser);
    secondVerifierUser = await givenUser(t.ds, { roles: ['verifier'] });
    secondVerifier = await login(t.http, secondVerifierUser);
    dinkesVerifier = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    bystander = await login(t.http, await givenUser(t.ds));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), {
      logger: false,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  describe('the routes', () => {
    it('401 without a session, 400 on a bad page, 404 for a notification that is not yours', async () => {
      await t.http().get('/api/v1/notifications').expect(401);
      await t.http().get('/api/v1/notifications/unread-count').expect(401);
      const bad = await t
        .http()
        .get('/api/v1/notifications')
        .query({ limit: '0' })
        .set(author.auth)
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const id = await givenAsset(t.http, author, verifier, 'submitted', { title: 'Milik orang' });
      const [mine] = await about(verifier, 'review_waiting', `/tinjauan/${id}`);
      const theirs = await t
        .http()
        .post(`/api/v1/notifications/${mine.id}/read`)
        .set(bystander.auth)
        .expect(404);
      expect(theirs.body.code).toBe('NOT_FOUND');
      expect(theirs.body.message).toBe('Data tidak ditemukan.');
      await t.http().post('/api/v1/notifications/abc/read').set(verifier.auth).expect(404);
      const [stored] = await t.ds.query<{ read_at: Date | null }[]>(
        `SELECT read_at FROM notifications WHERE id = $1`,
        [mine.id],
      );
      expect(stored.read_at).toBeNull();
    });
  });

  it("a submission waits for its OPD's verifiers: both are told, nobody else", async () => {
    const id = await givenAsset(t.http, author, verifier, 'submitted', {
      title: 'SOP Arsip Digital',
    });
    const link = `/tinjauan/${id}`;
    for (const v of [verifier, secondVerifier]) {
      const items = await about(v, 'review_waiting', link);
      expect(items).toHaveLength(1);
      expect(items[0].params).toEqual({ assetTitle: 'SOP Arsip Digital' });
      expect(items[0].readAt).toBeNull();
    }
    for (const other of [author, dinkesVerifier, bystander]) {
      expect(await about(other, 'review_waiting', link)).toEqual([]);
    }
  });

  it('a verifier who wrote the asset is not asked to review it', async () => {
    const id = await givenAsset(t.http, verifier, secondVerifier, 'submitted', {
      title: 'Tulisan verifikator',
    });
    expect(await about(verifier, 'review_waiting', `/tinjauan/${id}`)).toEqual([]);
    expect(await about(secondVerifier, 'review_waiting', `/tinjauan/${id}`)).toHaveLength(1);
  });

  it("a returned submission tells its authors, with the verifier's comment; the verifier hears nothing", async () => {
    const id = await givenAsset(t.http, author, verifier, 'submitted', {
      title: 'Panduan Rapat Daring',
      coAuthorIds: [coAuthorUser.id],
    });
    await t
      .http()
      .post(`/api/v1/assets/${id}/reject`)
      .set(verifier.auth)
      .send({ comment: 'Lengkapi bagian alasan perbedaan.' })
      .expect(200);
    for (const a of [author, coAuthor]) {
      const [decided] = await about(a, 'review_decided', `/aset/${id}`);
      expect(decided.params).toEqual({
        assetTitle: 'Panduan Rapat Daring',
        decision: 'rejected',
        comment: 'Lengkapi bagian alasan perbedaan.',
      });
    }
    expect(await about(verifier, 'review_decided', `/aset/${id}`)).toEqual([]);
    expect(await about(bystander, 'review_decided', `/aset/${id}`)).toEqual([]);

    // Resubmitted and approved: a second decision, a second notification.
    await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    const decisions = await about(author, 'review_decided', `/aset/${id}`);
    expect(decisions.map((d) => d.params.decision)).toEqual(['approved', 'rejected']);
    // And the resubmission waited for the verifiers again.
    expect(await about(secondVerifier, 'review_waiting', `/tinjauan/${id}`)).toHaveLength(2);
  });

  it('an edit of a published asset waits for the verifiers once, however often the author saves it', async () => {
    const { id, n } = await givenPendingRevision(t.http, author, verifier, { title: 'Revisi' });
    await t
      .http()
      .patch(`/api/v1/assets/${id}`)
      .set(author.auth)
      .send({ summary: 'Disimpan sekali lagi sebelum diverifikasi.' })
      .expect(200);
    const waiting = (await about(secondVerifier, 'review_waiting', `/tinjauan/${id}`)).filter(
      (i) => i.params.revision === true,
    );
    expect(waiting).toHaveLength(1);
    const keys = (await storedFor(secondVerifierUser.id)).map((r) => r.event_key);
    expect(keys.filter((k) => k === `review_waiting:${id}:rev${n}`)).toHaveLength(1);

    await t
      .http()
      .post(`/api/v1/assets/${id}/revisions/${n}/reject`)
      .set(verifier.auth)
      .send({ comment: 'Ringkasan belum tepat.' })
      .expect(200);
    const decided = await about(author, 'review_decided', `/aset/${id}`);
    expect(decided[0].params).toMatchObject({
      decision: 'rejected',
      comment: 'Ringkasan belum tepat.',
    });
  });

  it('co-authors are told once when named, at creation or later; the author who named them is not', async () => {
    const id = await givenAsset(t.http, author, verifier, 'draft', {
      title: 'Kiat Pengadaan',
      coAuthorIds: [coAuthorUser.id],
    });
    const [named] = await about(coAuthor, 'named_contributor', `/aset/${id}`);
    expect(named.params).toEqual({ assetTitle: 'Kiat Pengadaan', role: 'author' });
    expect(await about(author, 'named_contributor', `/aset/${id}`)).toEqual([]);

    const later = await givenUser(t.ds);
    const laterSession = await login(t.http, later);
    const setAuthors = (ids: string[]) =>
      t.http().put(`/api/v1/assets/${id}/authors`).set(author.auth).send({ authorIds: ids });
    await setAuthors([authorUser.id, coAuthorUser.id, later.id]).expect(200);
    await setAuthors([authorUser.id, coAuthorUser.id, later.id]).expect(200);
    expect(await about(laterSession, 'named_contributor', `/aset/${id}`)).toHaveLength(1);
    expect(await about(coAuthor, 'named_contributor', `/aset/${id}`)).toHaveLength(1);
  });

  it('a narasumber hears nothing of a draft they may not read, and is told when the interview is published', async () => {
    const narasumberUser = await givenUser(t.ds, { name: 'Pak Darto' });
    const narasumber = await login(t.http, narasumberUser);
    const id = await givenAsset(t.http, author, verifier, 'submitted', {
      type: 'wawancara_pengetahuan',
      title: 'Wawancara Arsip Lama',
      summary: 'Wawancara pengetahuan sebelum purnabakti.',
      sections: INTERVIEW_SECTIONS,
      narasumberId: narasumberUser.id,
    });
    expect((await inbox(narasumber)).items).toEqual([]);
    expect(await storedFor(narasumberUser.id)).toEqual([]);
    await t.http().post(`/api/v1/assets/${id}/approve`).set(verifier.auth).expect(200);
    const [named] = await about(narasumber, 'named_contributor', `/aset/${id}`);
    expect(named.params).toEqual({ assetTitle: 'Wawancara Arsip Lama', role: 'narasumber' });
  });

  it("a CoP's meeting is told to its current members, not to the one who logged it or to outsiders", async () => {
    const leadUser = await givenUser(t.ds);
    const lead = await login(t.http, leadUser);
    const copId = await givenCop(t.ds, leadUser);
    const memberUser = await givenUser(t.ds);
    await givenMember(t.ds, copId, memberUser);
    const formerUser = await givenUser(t.ds);
    await givenMember(t.ds, copId, formerUser);
    await t.ds.query(`UPDATE cop_memberships SET left_at = now() WHERE user_id = $1`, [
      formerUser.id,
    ]);
    const res = await t
      .http()
      .post(`/api/v1/cops/${copId}/meetings`)
      .set(lead.auth)
      .send({
        heldAt: '2025-02-03T10:00:00+07:00',
        mode: 'daring',
        topic: 'Berbagi praktik arsip',
        durationMinutes: 60,
      })
      .expect(201);
    const link = `/komunitas/pertemuan/${res.body.id as string}`;
    const [cop] = await t.ds.query<{ name: string }[]>(`SELECT name FROM cops WHERE id = $1`, [
      copId,
    ]);
    const member = await login(t.http, memberUser);
    const [told] = await about(member, 'cop_meeting_logged', link);
    expect(told.params).toEqual({ copName: cop.name, meetingTopic: 'Berbagi praktik arsip' });
    expect(await about(lead, 'cop_meeting_logged', link)).toEqual([]);
    expect(await about(await login(t.http, formerUser), 'cop_meeting_logged', link)).toEqual([]);
    expect(await about(bystander, 'cop_meeting_logged', link)).toEqual([]);
  });

  it('the daily scans tell verifiers of re-verifications and interviewers of interviews, once per due date', async () => {
    const id = await publishAsset(t.http, author, verifier, { title: 'Jatuh Tempo' });
    await t.ds.query(`UPDATE assets SET review_due_at = now() + interval '10 days' WHERE id = $1`, [
      id,
    ]);
    const person = await givenUser(t.ds, { name: 'Ibu Sartini' });
    const interviewerUser = await givenUser(t.ds);
    const [plan] = await t.ds.query<{ id: string }[]>(
      `INSERT INTO retention_plans (user_id, opd_id, interviewer_id, target_date)
       SELECT $1, opd_id, $2, $3::date FROM users WHERE id = $1 RETURNING id`,
      [person.id, interviewerUser.id, inDays(3)],
    );
    const daily = worker.get(DailyNotifications);
    await daily.run();
    await daily.run();

    const due = await about(secondVerifier, 'reverification_due', `/tinjauan/${id}`);
    expect(due).toHaveLength(1);
    expect(due[0].params).toEqual({ assetTitle: 'Jatuh Tempo', dueDate: inDays(10) });
    expect(await about(author, 'reverification_due', `/tinjauan/${id}`)).toEqual([]);
    expect(await about(dinkesVerifier, 'reverification_due', `/tinjauan/${id}`)).toEqual([]);

    const interviewer = await login(t.http, interviewerUser);
    const interview = await about(interviewer, 'retention_interview_due', `/orang/${person.id}`);
    expect(interview).toHaveLength(1);
    expect(interview[0].params).toEqual({ personName: 'Ibu Sartini', dueDate: inDays(3) });
    expect(await storedFor(person.id)).toEqual([]);
    expect(plan.id).toBeDefined();

    // A new due date (re-verified a year on, then falling due again) is a new notification.
    await t.ds.query(`UPDATE assets SET review_due_at = now() + interval '20 days' WHERE id = $1`, [
      id,
    ]);
    await daily.run();
    expect(await about(secondVerifier, 'reverification_due', `/tinjauan/${id}`)).toHaveLength(2);
  });

  it('counts unread, marks one read, then all; the count follows', async () => {
    const readerUser = await givenUser(t.ds, { roles: ['verifier'] });
    const reader = await login(t.http, readerUser);
    await givenAsset(t.http, author, verifier, 'submitted', { title: 'Satu' });
    await givenAsset(t.http, author, verifier, 'submitted', { title: 'Dua' });
    const count = async () =>
      (await t.http().get('/api/v1/notifications/unread-count').set(reader.auth).expect(200)).body
        .unread as number;
    expect(await count()).toBe(2);
    const page = await inbox(reader);
    expect(page.unread).toBe(2);
    expect(page.items.map((i) => i.params.assetTitle)).toEqual(['Dua', 'Satu']);
    const read = await t
      .http()
      .post(`/api/v1/notifications/${page.items[1].id}/read`)
      .set(reader.auth)
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect(await count()).toBe(1);
    expect((await inbox(reader, { unread: 'true' })).items.map((i) => i.params.assetTitle)).toEqual(
      ['Dua'],
    );
    const all = await t.http().post('/api/v1/notifications/read-all').set(reader.auth).expect(200);
    expect(all.body).toEqual({ unread: 0 });
    expect(await count()).toBe(0);
    const stored = await t.ds.query<{ read_at: Date | null }[]>(
      `SELECT read_at FROM notifications WHERE recipient_id = $1`,
      [readerUser.id],
    );
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.read_at instanceof Date)).toBe(true);
  });

  describe('preferences', () => {
    it('shows every type with its default, and stores a change per type', async () => {
      const user = await givenUser(t.ds);
      const s = await login(t.http, user);
      const before = await t
        .http()
        .get('/api/v1/notifications/preferences')
        .set(s.auth)
        .expect(200);
      expect(before.body.mailEnabled).toBe(false);
      expect(before.body.items).toContainEqual({
        type: 'cop_meeting_logged',
        inApp: true,
        email: 'off',
      });
      const after = await t
        .http()
        .put('/api/v1/notifications/preferences')
        .set(s.auth)
        .send({ items: [{ type: 'cop_meeting_logged', inApp: false, email: 'digest' }] })
        .expect(200);
      expect(after.body.items).toContainEqual({
        type: 'cop_meeting_logged',
        inApp: false,
        email: 'digest',
      });
      const stored = await t.ds.query(
        `SELECT type, in_app, email_mode FROM notification_preferences WHERE user_id = $1`,
        [user.id],
      );
      expect(stored).toEqual([{ type: 'cop_meeting_logged', in_app: false, email_mode: 'digest' }]);
    });

    it('refuses an unknown type or mode and a type given twice, in Indonesian first', async () => {
      const put = (items: unknown[]) =>
        t.http().put('/api/v1/notifications/preferences').set(author.auth).send({ items });
      const unknown = await put([{ type: 'gossip', inApp: true, email: 'off' }]).expect(400);
      expect(unknown.body.code).toBe('VALIDATION_FAILED');
      expect(unknown.body.details).toContainEqual(
        expect.objectContaining({ field: 'items.0.type' }),
      );
      await put([{ type: 'review_decided', inApp: true, email: 'weekly' }]).expect(400);
      const twice = await put([
        { type: 'review_decided', inApp: true, email: 'off' },
        { type: 'review_decided', inApp: false, email: 'off' },
      ]).expect(400);
      expect(twice.body).toEqual({
        code: 'NOTIFICATION_TYPE_REPEATED',
        message: 'Jenis notifikasi disebut lebih dari sekali: review_decided.',
        details: [
          {
            field: 'items',
            problems: ['repeated_type'],
            messages: ['Setiap jenis notifikasi cukup disebut sekali: review_decided.'],
            details: { types: ['review_decided'] },
          },
        ],
      });
      const en = await put([
        { type: 'review_decided', inApp: true, email: 'off' },
        { type: 'review_decided', inApp: true, email: 'off' },
      ])
        .set('Accept-Language', 'en')
        .expect(400);
      expect(en.body.message).toBe('A notification type is given more than once: review_decided.');
    });

    it('with the bell and email off for a type, its events leave no notification', async () => {
      const leadUser = await givenUser(t.ds);
      const lead = await login(t.http, leadUser);
      const copId = await givenCop(t.ds, leadUser);
      const quietUser = await givenUser(t.ds);
      const quiet = await login(t.http, quietUser);
      await givenMember(t.ds, copId, quietUser);
      await t
        .http()
        .put('/api/v1/notifications/preferences')
        .set(quiet.auth)
        .send({ items: [{ type: 'cop_meeting_logged', inApp: false, email: 'off' }] })
        .expect(200);
      await t
        .http()
        .post(`/api/v1/cops/${copId}/meetings`)
        .set(lead.auth)
        .send({
          heldAt: '2025-02-04T10:00:00+07:00',
          mode: 'luring',
          topic: 'Pertemuan yang tidak diberitahukan',
          durationMinutes: 30,
        })
        .expect(201);
      expect(await storedFor(quietUser.id)).toEqual([]);
    });
  });
});
