import { Workbook } from 'exceljs';
import {
  givenAsset,
  givenCop,
  givenUser,
  type GivenUser,
  login,
  nextNip,
  type Session,
} from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

interface Person {
  id: string;
  nip: string;
  name: string;
  opdCode: string;
  opdName: string;
}
interface SheetRow {
  row: number;
  nip: string;
  name?: string;
  userId?: string;
  status: string;
  message: string;
}
interface Preview {
  rows: SheetRow[];
  found: number;
  unknown: number;
  duplicate: number;
  invalid: number;
}

/**
 * Issue 14 items 1-2: what the Komunitas pages need of the API — the attendee picker's lookup,
 * "Minta bergabung", the attendance-sheet preview, the directory's theme filter and a CoP's assets.
 */
describe('CoP pages: attendee lookup, join requests, attendance sheets', () => {
  let t: TestApp;
  let lead: Session;
  let leadUser: GivenUser;
  let hostAdmin: Session;
  let otherAdmin: Session;
  let asn: Session;
  let asnUser: GivenUser;
  let assessor: Session;
  let copId: string;
  /** Two people from another OPD the lead finds by name. */
  let sekar: GivenUser;
  let sekti: GivenUser;

  const lookup = (s: Session, q: string, extra = '') =>
    t
      .http()
      .get(`/api/v1/cops/${copId}/people?q=${encodeURIComponent(q)}${extra}`)
      .set(s.auth);
  const preview = (s: Session, data: Buffer, name = 'hadir.csv') =>
    t.http().post(`/api/v1/cops/${copId}/attendance-sheet`).set(s.auth).attach('file', data, name);
  const meetingCount = async (): Promise<number> =>
    (await t.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM meetings`))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    leadUser = await givenUser(t.ds, { name: 'Ketua Komunitas Uji' });
    lead = await login(t.http, leadUser);
    copId = await givenCop(t.ds, leadUser);
    await t.ds.query(`UPDATE cops SET theme = 'Pengadaan barang dan jasa' WHERE id = $1`, [copId]);
    hostAdmin = await login(t.http, await givenUser(t.ds, { roles: ['opd_admin'] }));
    otherAdmin = await login(
      t.http,
      await givenUser(t.ds, { opd: 'DINKES', roles: ['opd_admin'] }),
    );
    asnUser = await givenUser(t.ds, { opd: 'DISDIK', name: 'Peminta Gabung' });
    asn = await login(t.http, asnUser);
    assessor = await login(t.http, await givenUser(t.ds, { roles: ['assessor'] }));
    sekar = await givenUser(t.ds, { opd: 'DINKES', name: 'Sekar Wulandaru' });
    sekti = await givenUser(t.ds, { opd: 'DISDIK', name: 'Sektiana Wulandaru' });
    await givenUser(t.ds, { opd: 'DINKES', name: 'Sekar Nonaktif', active: false });
  });
  afterAll(() => t.close());

  describe('attendee lookup', () => {
    it('finds people by a name word or a NIP prefix with NIP, name and OPD', async () => {
      const byName = await lookup(lead, 'wulandaru').expect(200);
      const people = byName.body as Person[];
      expect(people.map((p) => p.name).sort()).toEqual(['Sekar Wulandaru', 'Sektiana Wulandaru']);
      expect(people.find((p) => p.id === sekar.id)).toEqual({
        id: sekar.id,
        nip: sekar.nip,
        name: 'Sekar Wulandaru',
        opdCode: 'DINKES',
        opdName: expect.stringMatching(/Kesehatan/),
      });
      const byNip = await lookup(lead, sekti.nip).expect(200);
      expect((byNip.body as Person[])[0]).toMatchObject({ id: sekti.id, nip: sekti.nip });
      // Spaced the way NIPs are printed.
      const spaced = `${sekti.nip.slice(0, 8)} ${sekti.nip.slice(8, 14)} ${sekti.nip.slice(14)}`;
      expect((await lookup(lead, spaced).expect(200)).body[0]).toMatchObject({ id: sekti.id });
    });

    it('leaves out deactivated people, treats % and _ as text and bounds the answer', async () => {
      const sekarOnly = (await lookup(lead, 'sekar').expect(200)).body as Person[];
      expect(sekarOnly.map((p) => p.name)).toContain('Sekar Wulandaru');
      expect(sekarOnly.map((p) => p.name)).not.toContain('Sekar Nonaktif');
      expect((await lookup(lead, '%%').expect(200)).body).toEqual([]);
      expect((await lookup(lead, 'a_').expect(200)).body).toEqual([]);
      const few = (await lookup(lead, 'pe', '&limit=3').expect(200)).body as Person[];
      expect(few.length).toBeLessThanOrEqual(3);
      await lookup(lead, 'pe', '&limit=21').expect(400);
      await lookup(lead, 'pe', '&limit=0').expect(400);
    });

    it('answers 404 to whoever does not record this CoP’s attendance; leads and host admins get it', async () => {
      await lookup(hostAdmin, 'wulandaru').expect(200);
      for (const s of [asn, otherAdmin]) {
        const res = await lookup(s, 'wulandaru').expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      await lookup(assessor, 'wulandaru').expect(403);
      await t.http().get(`/api/v1/cops/${copId}/people?q=wulandaru`).expect(401);
    });

    it('refuses a missing, short, huge or NUL q with the field named; undecodable bytes find nobody', async () => {
      const field = async (url: string) => {
        const res = await t.http().get(url).set(lead.auth);
        expect({ url, status: res.status, code: res.body.code }).toEqual({
          url,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain('q');
      };
      const base = `/api/v1/cops/${copId}/people`;
      await field(base);
      await field(`${base}?q=a`);
      await field(`${base}?q=${'a'.repeat(101)}`);
      await field(`${base}?q=${'a'.repeat(5000)}`);
      await field(`${base}?q=se%00kar`);
      // A lone surrogate cannot be percent-encoded as UTF-8: its CESU-8 bytes decode to
      // replacement characters, which name nobody.
      const cesu = await t.http().get(`${base}?q=se%ED%A0%80kar`).set(lead.auth).expect(200);
      expect(cesu.body).toEqual([]);
    });
  });

  describe('join requests ("Minta bergabung")', () => {
    it('an ASN asks, sees it pending, the lead accepts: a member from that day', async () => {
      const asked = await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests`)
        .set(asn.auth)
        .expect(201);
      expect(asked.body).toMatchObject({
        userId: asnUser.id,
        status: 'pending',
        opdCode: 'DISDIK',
      });
      const again = await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests`)
        .set(asn.auth)
        .expect(201);
      expect(again.body.id).toBe(asked.body.id);
      const mine = await t.http().get(`/api/v1/cops/${copId}`).set(asn.auth).expect(200);
      expect(mine.body.viewer).toEqual({
        member: false,
        lead: false,
        runs: false,
        seesActivity: false,
        joinRequested: true,
        mayRequestJoin: true,
      });

      await t.http().get(`/api/v1/cops/${copId}/join-requests`).set(asn.auth).expect(403);
      const open = await t
        .http()
        .get(`/api/v1/cops/${copId}/join-requests`)
        .set(lead.auth)
        .expect(200);
      expect((open.body as { id: string }[]).map((r) => r.id)).toEqual([asked.body.id]);

      await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests/${asked.body.id}/accept`)
        .set(asn.auth)
        .expect(403);
      const accepted = await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests/${asked.body.id}/accept`)
        .set(lead.auth)
        .expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted' });
      const [m] = await t.ds.query<{ joined_at: Date; added_by: string }[]>(
        `SELECT joined_at, added_by FROM cop_memberships WHERE cop_id = $1 AND user_id = $2 AND left_at IS NULL`,
        [copId, asnUser.id],
      );
      expect(m.added_by).toBe(leadUser.id);
      expect(Math.abs(m.joined_at.getTime() - Date.parse(accepted.body.decidedAt))).toBeLessThan(
        60_000,
      );
      const members = await t.http().get(`/api/v1/cops/${copId}/members`).set(asn.auth).expect(200);
      expect(members.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: asnUser.id, isLead: false })]),
      );
      await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests/${asked.body.id}/decline`)
        .set(lead.auth)
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('JOIN_REQUEST_DECIDED'));
      const member = await login(t.http, asnUser);
      await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests`)
        .set(member.auth)
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('ALREADY_A_MEMBER'));
      const detail = await t.http().get(`/api/v1/cops/${copId}`).set(member.auth).expect(200);
      expect(detail.body.viewer).toMatchObject({ member: true, seesActivity: true });
      expect(detail.body.leads).toEqual([
        { userId: leadUser.id, name: 'Ketua Komunitas Uji', opdCode: 'BPSDM' },
      ]);
    });

    it('a declined request leaves no membership; an unknown request id is 404', async () => {
      const who = await givenUser(t.ds, { opd: 'DINKES' });
      const s = await login(t.http, who);
      const asked = await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests`)
        .set(s.auth)
        .expect(201);
      await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests/${asked.body.id}/decline`)
        .set(hostAdmin.auth)
        .expect(200)
        .expect((r) => expect(r.body.status).toBe('declined'));
      const rows = await t.ds.query(
        `SELECT 1 FROM cop_memberships WHERE cop_id = $1 AND user_id = $2`,
        [copId, who.id],
      );
      expect(rows).toHaveLength(0);
      await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests/00000000-0000-4000-8000-000000000000/accept`)
        .set(lead.auth)
        .expect(404);
      await t
        .http()
        .post(`/api/v1/cops/${copId}/join-requests/bukan-uuid/accept`)
        .set(lead.auth)
        .expect(404);
    });
  });

  describe('attendance-sheet preview', () => {
    it('reads a Forms CSV with a BOM, semicolons and title rows into a per-row report, saving nothing', async () => {
      const before = await meetingCount();
      const csv = [
        '\ufeffDaftar Hadir Rapat Komunitas;;',
        'Tanggal: 3 Februari 2025;;',
        ';;',
        'Timestamp;Nama Lengkap;NIP (18 digit)',
        `2025/02/03 10:01;Sekar;${sekar.nip}`,
        `2025/02/03 10:02;Orang Luar;${nextNip(2)}`,
        `2025/02/03 10:03;Sekar lagi;'${sekar.nip}`,
        `2025/02/03 10:04;Salah Ketik;12345`,
        `2025/02/03 10:05;Sekti;${sekti.nip.slice(0, 8)} ${sekti.nip.slice(8)}`,
        `2025/02/03 10:06;Tanpa NIP;`,
      ].join('\r\n');
      const res = await preview(lead, Buffer.from(csv)).expect(200);
      const body = res.body as Preview;
      expect(body.rows.map((r) => [r.row, r.status])).toEqual([
        [5, 'found'],
        [6, 'unknown'],
        [7, 'duplicate'],
        [8, 'invalid'],
        [9, 'found'],
        [10, 'invalid'],
      ]);
      expect(body.rows[0]).toMatchObject({
        nip: sekar.nip,
        name: 'Sekar Wulandaru',
        userId: sekar.id,
      });
      expect(body.rows[3]).toMatchObject({
        nip: '12345',
        message: expect.stringMatching(/18 angka/),
      });
      expect(body.rows[1].message).toMatch(/tidak dikenal/);
      expect({ ...body, rows: undefined }).toEqual({
        rows: undefined,
        found: 2,
        unknown: 1,
        duplicate: 1,
        invalid: 2,
      });
      expect(await meetingCount()).toBe(before);
      const en = await preview(lead, Buffer.from(csv)).set('Accept-Language', 'en').expect(200);
      expect((en.body as Preview).rows[1].message).toMatch(/unknown/);
    });

    it('reads a Teams report (UTF-16, tabs, summary section) and a Zoom report with NIPs in names', async () => {
      const teams = [
        '1. Summary',
        'Meeting title\tRapat Komunitas',
        '',
        '2. Participants',
        'Name\tFirst Join\tEmail\tNIP',
        `Sekar\t2/3/25, 10:00:00 AM\tsekar@jakarta.go.id\t${sekar.nip}`,
      ].join('\r\n');
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(teams, 'utf16le')]);
      const t1 = (await preview(lead, utf16).expect(200)).body as Preview;
      expect(t1.rows).toEqual([
        expect.objectContaining({ row: 6, status: 'found', userId: sekar.id }),
      ]);
      const zoom = [
        'Meeting ID,Topic,Start Time',
        '812 3456 7890,Rapat Komunitas,02/03/2025 10:00:00 AM',
        '',
        'Name (Original Name),User Email,Duration (Minutes)',
        `Sektiana (${sekti.nip}),sekti@jakarta.go.id,60`,
        'Tamu Tanpa NIP,tamu@contoh.id,30',
      ].join('\n');
      const z = (await preview(lead, Buffer.from(zoom)).expect(200)).body as Preview;
      expect(z.rows).toEqual([
        expect.objectContaining({ row: 5, nip: sekti.nip, status: 'found', userId: sekti.id }),
      ]);
    });

    it('reads an XLSX export; a NIP Excel stored as a number is reported, not guessed', async () => {
      const wb = new Workbook();
      const ws = wb.addWorksheet('Form1');
      ws.addRow(['Nama', 'NIP']);
      ws.addRow(['Sekar', sekar.nip]);
      ws.addRow(['Angka', Number(sekti.nip)]);
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      const res = (await preview(lead, data, 'hadir.xlsx').expect(200)).body as Preview;
      expect(res.rows.map((r) => [r.row, r.status])).toEqual([
        [2, 'found'],
        [3, 'invalid'],
      ]);
      expect(res.rows[1].message).toMatch(/sebagai teks/);
    });

    it('refuses a bad file, a sheet without NIPs, no file, a huge file and outsiders', async () => {
      const refused = async (data: Buffer, problem: string, name = 'x.csv') => {
        const res = await preview(lead, data, name).expect(400);
        expect(res.body).toMatchObject({
          code: 'ATTENDANCE_SHEET_UNREADABLE',
          details: [{ field: 'file', problems: [problem], messages: [expect.any(String)] }],
        });
        expect(res.body.message).toEqual(expect.any(String));
      };
      await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), 'unreadable', 'a.png');
      await refused(Buffer.from('PK\u0003\u0004rusak bukan zip'), 'unreadable', 'a.xlsx');
      await refused(Buffer.from('Nama,Email\nSekar,s@x.id\n'), 'no_nip_column');
      await refused(Buffer.from(''), 'empty');
      await refused(Buffer.from(`NIP\n${`${sekar.nip}\n`.repeat(2001)}`), 'too_many_rows');
      const none = await t
        .http()
        .post(`/api/v1/cops/${copId}/attendance-sheet`)
        .set(lead.auth)
        .field('x', 'y')
        .expect(400);
      expect(none.body.code).toEqual(expect.any(String));
      await preview(lead, Buffer.alloc(2 * 1024 * 1024 + 1, 0x41)).expect(413);
      await preview(asn, Buffer.from(`NIP\n${sekar.nip}\n`)).expect(404);
      await preview(otherAdmin, Buffer.from(`NIP\n${sekar.nip}\n`)).expect(404);
      await preview(hostAdmin, Buffer.from(`NIP\n${sekar.nip}\n`)).expect(200);
    });
  });

  describe('the directory and a CoP’s assets', () => {
    it('filters by theme (listed for the filter) and OPD; lists the assets filed under the CoP', async () => {
      const page = await t
        .http()
        .get('/api/v1/cops?theme=pengadaan%20barang%20dan%20jasa')
        .set(asn.auth)
        .expect(200);
      expect((page.body.items as { id: string }[]).map((c) => c.id)).toEqual([copId]);
      expect(page.body.themes).toContain('Pengadaan barang dan jasa');
      const otherOpd = await t
        .http()
        .get('/api/v1/cops?theme=pengadaan%20barang%20dan%20jasa&opd=DINKES')
        .set(asn.auth)
        .expect(200);
      expect(otherOpd.body.items).toEqual([]);
      await t.http().get('/api/v1/cops?theme=%00').set(asn.auth).expect(400);

      const author = await login(t.http, leadUser);
      const verifier = await login(t.http, await givenUser(t.ds, { roles: ['verifier'] }));
      const filed = await givenAsset(t.http, author, verifier, 'published', {
        title: 'Pelajaran pengadaan komunitas',
        visibility: 'internal',
        copId,
      });
      await givenAsset(t.http, author, verifier, 'published', {
        title: 'Pelajaran lain di luar komunitas',
        visibility: 'internal',
      });
      const assets = await t.http().get(`/api/v1/assets?cop=${copId}`).set(asn.auth).expect(200);
      expect((assets.body.items as { id: string }[]).map((a) => a.id)).toEqual([filed]);
      await t.http().get('/api/v1/assets?cop=bukan').set(asn.auth).expect(400);
    });
  });
});
