import {
  givenAsset,
  givenUser,
  type GivenUser,
  LESSON_SECTIONS,
  login,
  type Session,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface ReviewItem {
  id: string;
  title: string;
  status: string;
  opdCode: string;
  authors: { id: string; name: string; opdCode: string }[];
  byCaller: boolean;
  submittedAt: string | null;
  reviewDueAt: string | null;
  missing: { key: string; label: string; labelEn: string }[];
  rejection: { comment: string; by: { name: string }; at: string } | null;
}

const DAY = 86_400_000;

describe("review: a verifier's queue, re-verification lists and rejections their authors see", () => {
  let t: TestApp;
  let author: Session;
  let authorUser: GivenUser;
  let verifier: Session;
  let verifierUser: GivenUser;
  let otherVerifier: Session;
  let dinkesAuthor: Session;
  let dinkesVerifier: Session;
  let asn: Session;

  const queue = (s: Session, query: Record<string, string> = {}) =>
    t.http().get('/api/v1/review/queue').query(query).set(s.auth);
  const reverification = (s: Session, state?: string) =>
    t
      .http()
      .get('/api/v1/review/reverification')
      .query(state ? { state } : {})
      .set(s.auth);
  const setDates = (id: string, column: 'submitted_at' | 'review_due_at', at: Date) =>
    t.ds.query(`UPDATE assets SET ${column} = $2 WHERE id = $1`, [id, at]);

  beforeAll(async () => {
    t = await createTestApp();
    authorUser = await givenUser(t.ds, { name: 'Siti Penulis' });
    author = await login(t.http, authorUser);
    verifierUser = await givenUser(t.ds, { roles: ['verifier'], name: 'Bambang Verifikator' });
    verifier = await login(t.http, verifierUser);
    otherVerifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
    dinkesAuthor = await login(t.http, await givenUser(t.ds, { opd: 'DINKES' }));
    dinkesVerifier = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['verifier'] }),
    );
    asn = await login(t.http, await givenUser(t.ds));
  });
  afterAll(() => t.close());

  it('answers 401 without a token, 403 to an ASN, and 400 naming an unknown state', async () => {
    await t.http().get('/api/v1/review/queue').expect(401);
    expect((await queue(asn).expect(403)).body.code).toBe('FORBIDDEN');
    await reverification(asn).expect(403);
    const bad = await reverification(verifier, 'kemarin').expect(400);
    expect(bad.body.details).toEqual([{ field: 'state', problems: ['isIn'] }]);
    await queue(verifier, { limit: '0' }).expect(400);
  });

  it('lists the submissions of the verifier’s OPD, the longest-waiting first, with authors, dates and what is still empty', async () => {
    const first = await givenAsset(t.http, author, verifier, 'submitted', {
      title: 'Diajukan paling awal',
      summary: 'Ringkasan',
      tags: ['Layanan'],
      seciMode: 'eksternalisasi',
    });
    const second = await givenAsset(t.http, author, verifier, 'submitted', {
      title: 'Diajukan kedua',
    });
    // The verifier's own submission is in the queue, marked, so they know to leave it to others.
    const own = await givenAsset(t.http, verifier, otherVerifier, 'submitted', {
      title: 'Ditulis verifikator sendiri',
    });
    const draft = await givenAsset(t.http, author, verifier, 'draft', { title: 'Masih draf' });
    const dinkes = await givenAsset(t.http, dinkesAuthor, dinkesVerifier, 'submitted', {
      title: 'Pengajuan DINKES',
    });
    const now = Date.now();
    await setDates(second, 'submitted_at', new Date(now - 2 * DAY));
    await setDates(first, 'submitted_at', new Date(now - 5 * DAY));
    await setDates(own, 'submitted_at', new Date(now - DAY));

    const res = await queue(verifier).expect(200);
    const items = res.body.items as ReviewItem[];
    expect(items.map((i) => i.id)).toEqual([first, second, own]);
    expect(res.body.total).toBe(3);
    expect(items.map((i) => i.id)).not.toContain(draft);
    expect(items.map((i) => i.id)).not.toContain(dinkes);
    expect(items[0]).toMatchObject({
      title: 'Diajukan paling awal',
      status: 'submitted',
      opdCode: 'BPSDM',
      authors: [{ id: authorUser.id, name: 'Siti Penulis', opdCode: 'BPSDM' }],
      byCaller: false,
      submittedAt: new Date(now - 5 * DAY).toISOString(),
      missing: [],
      rejection: null,
    });
    expect(items[1].missing.map((m) => m.key)).toEqual(['summary', 'tags', 'seciMode']);
    expect(items[2]).toMatchObject({
      byCaller: true,
      authors: [{ id: verifierUser.id, name: 'Bambang Verifikator' }],
    });
    const refused = await t
      .http()
      .post(`/api/v1/assets/${own}/approve`)
      .set(verifier.auth)
      .expect(403);
    expect(refused.body.code).toBe('SELF_REVIEW_FORBIDDEN');

    const paged = await queue(verifier, { page: '2', limit: '2' }).expect(200);
    expect(paged.body).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect((paged.body.items as ReviewItem[]).map((i) => i.id)).toEqual([own]);
    const theirs = (await queue(dinkesVerifier).expect(200)).body.items as ReviewItem[];
    expect(theirs.map((i) => i.id)).toEqual([dinkes]);

    // Once approved it leaves the queue.
    await t.http().post(`/api/v1/assets/${first}/approve`).set(verifier.auth).expect(200);
    const after = (await queue(verifier).expect(200)).body.items as ReviewItem[];
    expect(after.map((i) => i.id)).toEqual([second, own]);
    await t.http().post(`/api/v1/assets/${second}/approve`).set(verifier.auth).expect(200);
    await t.http().post(`/api/v1/assets/${own}/approve`).set(otherVerifier.auth).expect(200);
  });

  it('lists published assets past their review date (overdue) and due within 30 days (soon), the earliest first; re-verifying takes one off', async () => {
    const publish = (title: string) => givenAsset(t.http, author, verifier, 'published', { title });
    const longOverdue = await publish('Lewat setahun');
    const overdue = await publish('Lewat sepuluh hari');
    const soon = await publish('Jatuh tempo lima hari lagi');
    const later = await publish('Jatuh tempo dua bulan lagi');
    const dinkes = await givenAsset(t.http, dinkesAuthor, dinkesVerifier, 'published', {
      title: 'DINKES lewat tenggat',
    });
    const now = Date.now();
    await setDates(longOverdue, 'review_due_at', new Date(now - 400 * DAY));
    await setDates(overdue, 'review_due_at', new Date(now - 10 * DAY));
    await setDates(soon, 'review_due_at', new Date(now + 5 * DAY));
    await setDates(later, 'review_due_at', new Date(now + 60 * DAY));
    await setDates(dinkes, 'review_due_at', new Date(now - 10 * DAY));

    const byDefault = (await reverification(verifier).expect(200)).body.items as ReviewItem[];
    expect(byDefault.map((i) => i.id)).toEqual([longOverdue, overdue]);
    expect(byDefault[0]).toMatchObject({
      status: 'published',
      reviewDueAt: new Date(now - 400 * DAY).toISOString(),
      authors: [{ name: 'Siti Penulis' }],
    });
    const due = (await reverification(verifier, 'soon').expect(200)).body.items as ReviewItem[];
    expect(due.map((i) => i.id)).toEqual([soon]);

    await t.http().post(`/api/v1/assets/${overdue}/reverify`).set(verifier.auth).expect(200);
    const left = (await reverification(verifier, 'overdue').expect(200)).body.items as ReviewItem[];
    expect(left.map((i) => i.id)).toEqual([longOverdue]);
    const [row] = await t.ds.query<{ review_due_at: Date }[]>(
      `SELECT review_due_at FROM assets WHERE id = $1`,
      [overdue],
    );
    expect(row.review_due_at.getTime()).toBeGreaterThan(now + 300 * DAY);
    const theirs = (await reverification(dinkesVerifier).expect(200)).body.items as ReviewItem[];
    expect(theirs.map((i) => i.id)).toEqual([dinkes]);
  });

  it('refuses a rejection without a real comment, and shows the comment to the authors until they submit again', async () => {
    const id = await givenAsset(t.http, author, verifier, 'submitted', {
      title: 'Pelajaran yang perlu diperbaiki',
    });
    const reject = (body: object) =>
      t.http().post(`/api/v1/assets/${id}/reject`).set(verifier.auth).send(body);
    const none = await reject({}).expect(400);
    expect(none.body.details).toEqual([{ field: 'comment', problems: ['isLength', 'isString'] }]);
    const blank = await reject({ comment: '             ' }).expect(400);
    expect(blank.body.details).toEqual([{ field: 'comment', problems: ['isLength'] }]);
    const [still] = await t.ds.query<{ status: string }[]>(
      `SELECT status FROM assets WHERE id = $1`,
      [id],
    );
    expect(still.status).toBe('submitted');

    const comment = 'Bagian "Mengapa berbeda" belum menjelaskan penyebabnya.';
    await reject({ comment: `  ${comment}  ` }).expect(200);
    const [stored] = await t.ds.query<{ comment: string }[]>(
      `SELECT comment FROM asset_transitions WHERE asset_id = $1 AND action = 'reject'`,
      [id],
    );
    expect(stored.comment).toBe(comment);

    const drafts = await t
      .http()
      .get('/api/v1/assets')
      .query({ mine: true, status: 'draft' })
      .set(author.auth)
      .expect(200);
    const listed = (drafts.body.items as ReviewItem[]).find((i) => i.id === id)!;
    expect(listed.rejection).toMatchObject({ comment, by: { name: 'Bambang Verifikator' } });
    const detail = await t.http().get(`/api/v1/assets/${id}`).set(author.auth).expect(200);
    expect(detail.body.rejection).toEqual(listed.rejection);

    // The author fixes it and submits again: the rejection no longer stands.
    await t
      .http()
      .patch(`/api/v1/assets/${id}`)
      .set(author.auth)
      .send({ sections: { ...LESSON_SECTIONS, mengapa_berbeda: 'Anggaran datang terlambat.' } })
      .expect(200);
    const again = await t.http().post(`/api/v1/assets/${id}/submit`).set(author.auth).expect(200);
    expect(again.body.rejection).toBeNull();
    const queued = (await queue(verifier).expect(200)).body.items as ReviewItem[];
    expect(queued.find((i) => i.id === id)?.rejection).toBeNull();
  });
});
