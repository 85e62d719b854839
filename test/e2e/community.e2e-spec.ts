import { givenAsset, givenUser, type GivenUser, login, type Session } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface Meeting {
  id: string;
  quarter: number;
  year: number;
  heldDate: string;
  attendees: { userId: string; opdCode: string }[];
}

describe('communities of practice and the meeting log', () => {
  let t: TestApp;
  let opdAdmin: Session;
  let leadA: GivenUser;
  let leadASession: Session;
  let leadB: Session;
  let member: GivenUser;
  let memberSession: Session;
  let outsider: Session;
  let copA: string;
  let copB: string;

  const meeting = (s: Session, cop: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/cops/${cop}/meetings`)
      .set(s.auth)
      .send({ mode: 'luring', durationMinutes: 90, ...body });
  /** GET /search as the session (anonymous without one), answered 200. */
  const search = (q: string, s?: Session) => {
    const req = t.http().get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    return (s ? req.set(s.auth) : req).expect(200);
  };
  const meetingCount = async (): Promise<number> =>
    (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM meetings`))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    opdAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
    leadA = await givenUser(t.ds, { name: 'Lead Satu' });
    leadASession = await login(t.http, leadA);
    const leadBUser = await givenUser(t.ds);
    leadB = await login(t.http, leadBUser);
    member = await givenUser(t.ds, { opd: 'DINKES', name: 'Anggota Dinkes' });
    memberSession = await login(t.http, member);
    outsider = await login(t.http, await givenUser(t.ds, { opd: 'DISDIK' }));
    const a = await t
      .http()
      .post('/api/v1/cops')
      .set(opdAdmin.auth)
      .send({
        name: 'Komunitas Perencana',
        theme: 'Perencanaan anggaran',
        leadIds: [leadA.id],
        skReference: 'SK 12/2025',
      })
      .expect(201);
    copA = a.body.id as string;
    expect(a.body).toMatchObject({
      opdCode: 'BPSDM',
      status: 'aktif',
      leadIds: [leadA.id],
      memberCount: 1,
    });
    const b = await t
      .http()
      .post('/api/v1/cops')
      .set(opdAdmin.auth)
      .send({ name: 'Komunitas Kearsipan', theme: 'Arsip', leadIds: [leadBUser.id] })
      .expect(201);
    copB = b.body.id as string;
  });
  afterAll(() => t.close());

  describe('CoPs and membership', () => {
    it('refuses bad input and duplicates, and CoPs in OPDs the admin does not administer', async () => {
      const bad = await t
        .http()
        .post('/api/v1/cops')
        .set(opdAdmin.auth)
        .send({ name: 'x', theme: 3, status: 'aktif' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'name',
        'status',
        'theme',
      ]);
      await t
        .http()
        .post('/api/v1/cops')
        .set(opdAdmin.auth)
        .send({ name: 'komunitas perencana', theme: 'Lagi' })
        .expect(409);
      await t
        .http()
        .post('/api/v1/cops')
        .set(opdAdmin.auth)
        .send({ name: 'Lain', theme: 'Lain', opdCode: 'DINKES' })
        .expect(403);
      const unknownLead = await t
        .http()
        .post('/api/v1/cops')
        .set(opdAdmin.auth)
        .send({
          name: 'Komunitas Baru',
          theme: 'Tema',
          leadIds: ['00000000-0000-4000-8000-000000000000'],
        })
        .expect(400);
      expect(unknownLead.body.code).toBe('UNKNOWN_USERS');
    });

    it('leads add members from any OPD; history keeps who was a member when', async () => {
      await t
        .http()
        .post(`/api/v1/cops/${copA}/members`)
        .set(leadB.auth)
        .send({ userIds: [member.id] })
        .expect(403);
      const added = await t
        .http()
        .post(`/api/v1/cops/${copA}/members`)
        .set(leadASession.auth)
        .send({ userIds: [member.id, member.id] })
        .expect(200);
      expect(added.body).toEqual({ added: 1 });
      const again = await t
        .http()
        .post(`/api/v1/cops/${copA}/members`)
        .set(leadASession.auth)
        .send({ userIds: [member.id] })
        .expect(200);
      expect(again.body).toEqual({ added: 0 });
      const list = await t
        .http()
        .get(`/api/v1/cops/${copA}/members`)
        .set(outsider.auth)
        .expect(200);
      expect(
        list.body.map((m: { name: string; opdCode: string; isLead: boolean }) => [
          m.name,
          m.opdCode,
          m.isLead,
        ]),
      ).toEqual([
        ['Anggota Dinkes', 'DINKES', false],
        ['Lead Satu', 'BPSDM', true],
      ]);
      expect(JSON.stringify(list.body)).not.toContain(member.nip);

      // "My CoPs" (the write form's choice): where one is a member or a lead, nothing else.
      const mine = async (s: Session) =>
        (await t.http().get('/api/v1/cops?mine=true').set(s.auth).expect(200)).body as {
          items: { id: string }[];
          total: number;
        };
      expect((await mine(memberSession)).items.map((c) => c.id)).toEqual([copA]);
      expect((await mine(leadB)).items.map((c) => c.id)).toEqual([copB]);
      expect(await mine(outsider)).toMatchObject({ items: [], total: 0 });
      const all = await t.http().get('/api/v1/cops').set(outsider.auth).expect(200);
      expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining([copA, copB]),
      );
    });

    it('a member leaving loses cop assets on the next request, in the API and in search', async () => {
      const asset = await t
        .http()
        .post('/api/v1/assets')
        .set(leadASession.auth)
        .send({
          type: 'pelajaran',
          title: 'Catatan komunitas trenggiling',
          visibility: 'cop',
          copId: copA,
          sections: { rencana: 'a', yang_terjadi: 'b', mengapa_berbeda: 'c', lain_kali: 'd' },
        })
        .expect(201);
      const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
      await t
        .http()
        .post(`/api/v1/assets/${asset.body.id}/submit`)
        .set(leadASession.auth)
        .expect(200);
      await t.http().post(`/api/v1/assets/${asset.body.id}/approve`).set(verifier.auth).expect(200);
      await t.drainJobs();
      await t.http().get(`/api/v1/assets/${asset.body.id}`).set(memberSession.auth).expect(200);
      await t.http().get(`/api/v1/assets/${asset.body.id}`).set(outsider.auth).expect(404);
      const found = await search('trenggiling', memberSession);
      expect(found.body.hits.map((h: { id: string }) => h.id)).toEqual([asset.body.id]);
      const hidden = await search('trenggiling', outsider);
      expect(hidden.body.total).toBe(0);

      await t
        .http()
        .delete(`/api/v1/cops/${copA}/members/${member.id}`)
        .set(leadASession.auth)
        .expect(204);
      await t.http().get(`/api/v1/assets/${asset.body.id}`).set(memberSession.auth).expect(404);
      const gone = await search('trenggiling', memberSession);
      expect(gone.body.total).toBe(0);
      const history = await t
        .http()
        .get(`/api/v1/cops/${copA}/members?history=true`)
        .set(outsider.auth)
        .expect(200);
      const left = history.body.find((m: { userId: string }) => m.userId === member.id);
      expect(left.leftAt).not.toBeNull();
      // Back in: a new membership period, the old one kept.
      await t
        .http()
        .post(`/api/v1/cops/${copA}/members`)
        .set(leadASession.auth)
        .send({ userIds: [member.id] })
        .expect(200);
      const periods = await t.ds.query(
        `SELECT count(*)::int AS n FROM cop_memberships WHERE cop_id = $1 AND user_id = $2`,
        [copA, member.id],
      );
      expect(periods).toEqual([{ n: 2 }]);
    });

    it('only members may file assets under a CoP', async () => {
      const res = await t
        .http()
        .post('/api/v1/assets')
        .set(outsider.auth)
        .send({ type: 'pelajaran', title: 'Bukan anggota', copId: copA, visibility: 'cop' })
        .expect(400);
      expect(res.body.details).toEqual([
        { field: 'copId', problems: ['not_a_member_of_this_cop'] },
      ]);
    });
  });

  describe('meeting log', () => {
    it('maps meetings to Triwulan in WIB', async () => {
      const late = await meeting(leadASession, copA, {
        heldAt: '2025-03-31T23:30:00+07:00',
        topic: 'Evaluasi akhir triwulan',
      }).expect(201);
      expect(late.body).toMatchObject({ year: 2025, quarter: 1, heldDate: '2025-03-31' });
      const utc = await meeting(leadASession, copA, {
        heldAt: '2025-03-31T17:30:00Z',
        topic: 'Rapat awal April',
      }).expect(201);
      expect(utc.body).toMatchObject({ year: 2025, quarter: 2, heldDate: '2025-04-01' });
      const tw1 = await t
        .http()
        .get(`/api/v1/cops/${copA}/meetings?year=2025&quarter=1`)
        .set(memberSession.auth)
        .expect(200);
      expect(tw1.body.map((m: Meeting) => m.id)).toEqual([late.body.id]);
    });

    it('only the CoP’s leads and host OPD admins log; a lead of A cannot log for B', async () => {
      const before = await meetingCount();
      await meeting(leadB, copA, {
        heldAt: '2025-05-01T09:00:00+07:00',
        topic: 'Bukan komunitas saya',
      }).expect(403);
      await meeting(memberSession, copA, {
        heldAt: '2025-05-01T09:00:00+07:00',
        topic: 'Anggota biasa',
      }).expect(403);
      await meeting(outsider, copA, {
        heldAt: '2025-05-01T09:00:00+07:00',
        topic: 'Orang luar',
      }).expect(404);
      await meeting(opdAdmin, copB, {
        heldAt: '2025-05-01T09:00:00+07:00',
        topic: 'Admin OPD boleh',
      }).expect(201);
      expect(await meetingCount()).toBe(before + 1);
    });

    it('refuses future dates, duplicates, unknown NIPs, too many attendees and bad durations, storing nothing', async () => {
      const before = await meetingCount();
      const future = await meeting(leadASession, copA, {
        heldAt: new Date(Date.now() + 86_400_000).toISOString(),
        topic: 'Masa depan',
      }).expect(400);
      expect(future.body.code).toBe('MEETING_IN_FUTURE');
      const first = await meeting(leadASession, copA, {
        heldAt: '2025-06-10T09:00:00+07:00',
        topic: 'Rapat Koordinasi SOP',
      }).expect(201);
      const dup = await meeting(leadASession, copA, {
        heldAt: '2025-06-10T15:00:00+07:00',
        topic: '  rapat koordinasi, SOP!',
      }).expect(409);
      expect(dup.body).toMatchObject({
        code: 'DUPLICATE_MEETING',
        details: { existingId: first.body.id },
      });
      const unknown = await meeting(leadASession, copA, {
        heldAt: '2025-06-11T09:00:00+07:00',
        topic: 'Dengan peserta salah',
        attendeeNips: [member.nip, '199901012020011999'],
      }).expect(400);
      expect(unknown.body).toMatchObject({
        code: 'UNKNOWN_USERS',
        details: [
          {
            field: 'attendeeNips',
            problems: ['unknown_or_inactive_user'],
            messages: ['Pengguna tidak dikenal atau tidak aktif: 199901012020011999.'],
            details: { unknown: ['199901012020011999'] },
          },
        ],
      });
      const many = await meeting(leadASession, copA, {
        heldAt: '2025-06-12T09:00:00+07:00',
        topic: 'Terlalu ramai',
        attendeeNips: Array.from(
          { length: 1001 },
          (_, i) => `1985010120100110${String(i % 100).padStart(2, '0')}`,
        ),
      }).expect(400);
      expect(many.body.details[0].field).toBe('attendeeNips');
      for (const durationMinutes of [0, 721, 1.5]) {
        await meeting(leadASession, copA, {
          heldAt: '2025-06-13T09:00:00+07:00',
          topic: 'Durasi salah',
          durationMinutes,
        }).expect(400);
      }
      const hidden = await t
        .http()
        .post('/api/v1/assets')
        .set(outsider.auth)
        .send({ type: 'pelajaran', title: 'Draf orang lain' })
        .expect(201);
      const outputs = await meeting(leadASession, copA, {
        heldAt: '2025-06-14T09:00:00+07:00',
        topic: 'Dengan keluaran',
        outputAssetIds: [hidden.body.id],
      }).expect(400);
      expect(outputs.body.code).toBe('UNKNOWN_OUTPUT_ASSETS');
      expect(await meetingCount()).toBe(before + 1);
    });

    it('refuses meetings dated inside a finalised award year', async () => {
      await t.ds.query(`INSERT INTO award_years (year, finalized_at) VALUES (2024, now())`);
      const res = await meeting(leadASession, copA, {
        heldAt: '2024-11-05T09:00:00+07:00',
        topic: 'Mundur ke 2024',
      }).expect(409);
      expect(res.body).toMatchObject({ code: 'AWARD_YEAR_FINALIZED', details: { year: 2024 } });
      // Other years stay open.
      await meeting(leadASession, copA, {
        heldAt: '2023-11-05T09:00:00+07:00',
        topic: 'Mundur ke 2023',
      }).expect(201);
    });

    it('stores each attendee with the OPD of the meeting date, even after a transfer', async () => {
      const traveller = await givenUser(t.ds, { opd: 'DINKES' });
      // Moved to DISDIK after the meeting (the history records the move "now").
      const past = await meeting(leadASession, copA, {
        heldAt: '2025-07-01T09:00:00+07:00',
        topic: 'Sebelum mutasi',
        attendeeNips: [traveller.nip],
        attendeeIds: [leadA.id],
        guestCount: 3,
      }).expect(201);
      const admin = await login(t.http, await givenUser(t.ds, { roles: ['admin'] }));
      await t
        .http()
        .patch(`/api/v1/users/${traveller.id}`)
        .set(admin.auth)
        .send({ opdCode: 'DISDIK' })
        .expect(200);
      const after = await meeting(leadASession, copA, {
        heldAt: new Date().toISOString(),
        topic: 'Setelah mutasi',
        attendeeNips: [traveller.nip],
      }).expect(201);
      const read = await t
        .http()
        .get(`/api/v1/meetings/${past.body.id}`)
        .set(memberSession.auth)
        .expect(200);
      expect(
        read.body.attendees.find((a: { userId: string }) => a.userId === traveller.id).opdCode,
      ).toBe('DINKES');
      expect(after.body.attendees[0].opdCode).toBe('DISDIK');
      // Editing the old meeting keeps the OPD of its own date.
      await t
        .http()
        .patch(`/api/v1/meetings/${past.body.id}`)
        .set(leadASession.auth)
        .send({ minutes: 'Notulen.' })
        .expect(200);
      const again = await t
        .http()
        .get(`/api/v1/meetings/${past.body.id}`)
        .set(memberSession.auth)
        .expect(200);
      expect(
        again.body.attendees.find((a: { userId: string }) => a.userId === traveller.id).opdCode,
      ).toBe('DINKES');
    });

    it('keeps evidence files through the safe upload pipeline, readable by who sees the meeting', async () => {
      const m = await meeting(leadASession, copA, {
        heldAt: '2025-08-05T09:00:00+07:00',
        topic: 'Dengan bukti',
      }).expect(201);
      const up = await t
        .http()
        .post(`/api/v1/meetings/${m.body.id}/attachments`)
        .set(leadASession.auth)
        .attach('files', Buffer.from('Daftar hadir rapat'), 'daftar-hadir.txt')
        .expect(201);
      await t
        .http()
        .post(`/api/v1/meetings/${m.body.id}/attachments`)
        .set(leadASession.auth)
        .attach('files', Buffer.from('<html></html>'), 'foto.jpg')
        .expect(415);
      const id = up.body[0].id as string;
      await t.http().get(`/api/v1/attachments/${id}`).set(memberSession.auth).expect(200);
      await t.http().get(`/api/v1/attachments/${id}`).set(outsider.auth).expect(404);
      await t.http().delete(`/api/v1/attachments/${id}`).set(memberSession.auth).expect(403);
      const read = await t
        .http()
        .get(`/api/v1/meetings/${m.body.id}`)
        .set(memberSession.auth)
        .expect(200);
      expect(read.body.attachments.map((a: { name: string }) => a.name)).toEqual([
        'daftar-hadir.txt',
      ]);
      await t.http().delete(`/api/v1/attachments/${id}`).set(leadASession.auth).expect(204);
    });
  });

  describe('attendees from other OPDs', () => {
    it('read the record of the meeting they attended, and nothing else of the CoP', async () => {
      const guestUser = await givenUser(t.ds, { opd: 'DISHUB', name: 'Tamu Dishub' });
      const guest = await login(t.http, guestUser);
      const attended = await meeting(leadASession, copA, {
        heldAt: '2025-08-12T10:00:00+07:00',
        topic: 'Rapat bersama tamu lintas OPD',
        minutes: 'Tamu dari Dishub membagikan data kepadatan halte.',
        attendeeIds: [leadA.id, guestUser.id],
      }).expect(201);
      const other = await meeting(leadASession, copA, {
        heldAt: '2025-08-13T10:00:00+07:00',
        topic: 'Rapat internal komunitas',
        minutes: 'Catatan internal.',
        attendeeIds: [leadA.id],
      }).expect(201);
      const file = await t
        .http()
        .post(`/api/v1/meetings/${attended.body.id}/attachments`)
        .set(leadASession.auth)
        .attach('files', Buffer.from('Daftar hadir lintas OPD'), 'daftar-hadir.txt')
        .expect(201);
      const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
      const copAsset = await givenAsset(t.http, leadASession, verifier, 'published', {
        title: 'Aset khusus anggota komunitas',
        visibility: 'cop',
        copId: copA,
      });
      const openAsset = await givenAsset(t.http, leadASession, verifier, 'published', {
        title: 'Panduan halte terbuka untuk semua ASN',
      });
      const asLead = await t
        .http()
        .patch(`/api/v1/meetings/${attended.body.id}`)
        .set(leadASession.auth)
        .send({ outputAssetIds: [copAsset, openAsset] })
        .expect(200);
      const outputsOf = (body: { outputs: { id: string }[] }) =>
        Object.fromEntries(body.outputs.map((o) => [o.id, o]));
      expect(outputsOf(asLead.body)).toEqual({
        [copAsset]: expect.objectContaining({
          title: 'Aset khusus anggota komunitas',
          restricted: false,
        }),
        [openAsset]: expect.objectContaining({
          title: 'Panduan halte terbuka untuk semua ASN',
          restricted: false,
        }),
      });

      const read = await t
        .http()
        .get(`/api/v1/meetings/${attended.body.id}`)
        .set(guest.auth)
        .expect(200);
      // The guest sees the open output's title; the members-only one is listed without its title.
      expect(outputsOf(read.body)).toEqual({
        [copAsset]: { id: copAsset, title: null, type: null, restricted: true },
        [openAsset]: expect.objectContaining({
          title: 'Panduan halte terbuka untuk semua ASN',
          restricted: false,
        }),
      });
      expect(read.body).toMatchObject({
        id: attended.body.id,
        minutes: 'Tamu dari Dishub membagikan data kepadatan halte.',
      });
      expect(read.body.attendees).toContainEqual({
        userId: guestUser.id,
        name: 'Tamu Dishub',
        opdCode: 'DISHUB',
      });
      await t.http().get(`/api/v1/attachments/${file.body[0].id}`).set(guest.auth).expect(200);
      // Reading is all: the meeting stays the lead's to change.
      await t
        .http()
        .patch(`/api/v1/meetings/${attended.body.id}`)
        .set(guest.auth)
        .send({ minutes: 'Diubah tamu' })
        .expect(403);
      // The CoP's other content stays closed to the guest.
      await t.http().get(`/api/v1/meetings/${other.body.id}`).set(guest.auth).expect(404);
      await t.http().get(`/api/v1/cops/${copA}/meetings`).set(guest.auth).expect(404);
      await t.http().get(`/api/v1/assets/${copAsset}`).set(guest.auth).expect(404);
      // Someone of another OPD who did not attend sees nothing.
      await t.http().get(`/api/v1/meetings/${attended.body.id}`).set(outsider.auth).expect(404);
      // Taken off the attendance list, the guest no longer reads it.
      await t
        .http()
        .patch(`/api/v1/meetings/${attended.body.id}`)
        .set(leadASession.auth)
        .send({ attendeeIds: [leadA.id] })
        .expect(200);
      await t.http().get(`/api/v1/meetings/${attended.body.id}`).set(guest.auth).expect(404);
      const stored = await t.ds.query<{ minutes: string }[]>(
        `SELECT minutes FROM meetings WHERE id = $1`,
        [attended.body.id],
      );
      expect(stored).toEqual([{ minutes: 'Tamu dari Dishub membagikan data kepadatan halte.' }]);
    });
  });

  describe('meeting minutes in search', () => {
    it('finds minutes as their own hit kind, for the CoP’s members and its host OPD only', async () => {
      const m = await meeting(leadASession, copA, {
        heldAt: '2025-09-02T09:00:00+07:00',
        topic: 'Berbagi pengalaman penyusunan RKA',
        minutes: 'Disepakati templat baru untuk kalkulator anggaran kolibri.',
      }).expect(201);
      await t.drainJobs();
      const colleague = await login(t.http, await givenUser(t.ds));
      for (const s of [memberSession, colleague]) {
        const res = await search('kolibri', s);
        expect(
          res.body.hits.map((h: { id: string; kind: string; type: string }) => [
            h.id,
            h.kind,
            h.type,
          ]),
        ).toEqual([[m.body.id, 'meeting', 'meeting']]);
      }
      const other = await search('kolibri', outsider);
      expect(other.body.total).toBe(0);
      expect((await search('kolibri')).body.total).toBe(0);
      await t.http().delete(`/api/v1/meetings/${m.body.id}`).set(leadASession.auth).expect(204);
      await t.drainJobs();
      const gone = await search('kolibri', memberSession);
      expect(gone.body.total).toBe(0);
    });
  });

  describe('published minutes', () => {
    it('are internal: every logged-in ASN reads and finds them, anonymous callers do not', async () => {
      const m = await meeting(leadASession, copA, {
        heldAt: '2025-10-07T09:00:00+07:00',
        topic: 'Pelajaran dari audit kinerja',
        minutes: 'Catatan terbuka tentang rekonsiliasi data cendrawasih.',
        minutesVisibility: 'internal',
      }).expect(201);
      expect(m.body.minutesVisibility).toBe('internal');
      await t.drainJobs();
      await t.http().get(`/api/v1/meetings/${m.body.id}`).set(outsider.auth).expect(200);
      await t
        .http()
        .patch(`/api/v1/meetings/${m.body.id}`)
        .set(outsider.auth)
        .send({ minutes: 'x' })
        .expect(403);
      const found = await search('cendrawasih', outsider);
      expect(found.body.hits.map((h: { id: string }) => h.id)).toEqual([m.body.id]);
      const anon = await search('cendrawasih');
      expect(anon.body.total).toBe(0);
      await t
        .http()
        .patch(`/api/v1/meetings/${m.body.id}`)
        .set(leadASession.auth)
        .send({ minutesVisibility: 'cop' })
        .expect(200);
      await t.drainJobs();
      await t.http().get(`/api/v1/meetings/${m.body.id}`).set(outsider.auth).expect(404);
      const hidden = await search('cendrawasih', outsider);
      expect(hidden.body.total).toBe(0);
    });
  });

  describe('activity per Triwulan', () => {
    it('counts meetings, attendees, cross-OPD attendees, documentation and publications right', async () => {
      const t2 = await createTestApp();
      try {
        const admin = await login(
          t2.http,
          await givenUser(t2.ds, { opd: 'BAPPEDA', roles: ['opd_admin'] }),
        );
        const lead = await givenUser(t2.ds, { opd: 'BAPPEDA' });
        const leadSession = await login(t2.http, lead);
        const colleague = await givenUser(t2.ds, { opd: 'BAPPEDA' });
        const guest = await givenUser(t2.ds, { opd: 'DINKES' });
        const cop = (
          await t2
            .http()
            .post('/api/v1/cops')
            .set(admin.auth)
            .send({ name: 'Komunitas Data', theme: 'Data', leadIds: [lead.id] })
            .expect(201)
        ).body.id as string;
        const log = (body: Record<string, unknown>) =>
          t2
            .http()
            .post(`/api/v1/cops/${cop}/meetings`)
            .set(leadSession.auth)
            .send({ mode: 'daring', durationMinutes: 60, ...body })
            .expect(201);
        await log({
          heldAt: '2025-01-10T09:00:00+07:00',
          topic: 'Satu',
          attendeeIds: [lead.id, colleague.id, guest.id],
        });
        await log({
          heldAt: '2025-02-10T09:00:00+07:00',
          topic: 'Dua',
          attendeeIds: [lead.id, guest.id],
          minutes: 'Notulen',
        });
        await log({
          heldAt: '2025-03-31T23:30:00+07:00',
          topic: 'Tiga',
          attendeeIds: [colleague.id],
        });
        await log({ heldAt: '2025-03-31T17:30:00Z', topic: 'Empat', attendeeIds: [lead.id] });
        // minutes written long after the meeting do not count as documented within 14 days
        await t2.ds.query(
          `UPDATE meetings SET minutes_at = held_at + interval '30 days' WHERE topic = 'Dua'`,
        );
        await log({
          heldAt: '2025-02-20T09:00:00+07:00',
          topic: 'Lima',
          minutes: 'Langsung dicatat',
        });
        // Logged after the fact: its minutes were written two days after the meeting.
        await t2.ds.query(
          `UPDATE meetings SET minutes_at = held_at + interval '2 days' WHERE topic = 'Lima'`,
        );
        const res = await t2
          .http()
          .get('/api/v1/opds/BAPPEDA/activity?year=2025')
          .set(leadSession.auth)
          .expect(200);
        expect(res.body.quarters).toEqual([
          {
            quarter: 1,
            meetings: 4,
            distinctAttendees: 3,
            attendeesFromOtherOpds: 1,
            meetingsDocumentedWithin14Days: 1,
            assetsPublishedByOpd: 0,
            assetsPublishedByCops: 0,
            activeCops: 1,
          },
          {
            quarter: 2,
            meetings: 1,
            distinctAttendees: 1,
            attendeesFromOtherOpds: 0,
            meetingsDocumentedWithin14Days: 0,
            assetsPublishedByOpd: 0,
            assetsPublishedByCops: 0,
            activeCops: 1,
          },
          {
            quarter: 3,
            meetings: 0,
            distinctAttendees: 0,
            attendeesFromOtherOpds: 0,
            meetingsDocumentedWithin14Days: 0,
            assetsPublishedByOpd: 0,
            assetsPublishedByCops: 0,
            activeCops: 0,
          },
          {
            quarter: 4,
            meetings: 0,
            distinctAttendees: 0,
            attendeesFromOtherOpds: 0,
            meetingsDocumentedWithin14Days: 0,
            assetsPublishedByOpd: 0,
            assetsPublishedByCops: 0,
            activeCops: 0,
          },
        ]);
        const copView = await t2
          .http()
          .get(`/api/v1/cops/${cop}/activity?year=2025`)
          .set(leadSession.auth)
          .expect(200);
        expect(copView.body.quarters[0]).toMatchObject({ meetings: 4, distinctAttendees: 3 });
        const other = await login(t2.http, await givenUser(t2.ds, { opd: 'DISDIK' }));
        await t2.http().get('/api/v1/opds/BAPPEDA/activity?year=2025').set(other.auth).expect(404);
        await t2.http().get('/api/v1/opds/BAPPEDA/activity').set(leadSession.auth).expect(400);
      } finally {
        await t2.close();
      }
    });
  });
});
