import { detectDelimiter, parseUserCsv } from './user-csv';

const HEADER = 'nip,name,email,opd_code,jabatan,jabatan_kategori,roles';
const NIP_A = '198503152010011001';
const NIP_B = '199001012015032002';
const NIP_C = '198802292012051001';
const ROW_A = `${NIP_A},Budi Santoso,budi@jakarta.go.id,BKD,Analis Kebijakan Ahli Muda,fungsional_lain,asn|verifier`;
const ROW_B = `${NIP_B},Siti Rahman,siti@jakarta.go.id,DISDIK,Kepala Subbagian Umum,administrasi,`;
const ROW_C = `${NIP_C},Eko Wijaya,eko@jakarta.go.id,BKD,Perencana Ahli Madya,fungsional_ahli_madya,asn`;

const csv = (...lines: string[]): string => lines.join('\n');

function okResult(text: string, maxRows = 100) {
  const result = parseUserCsv(text, maxRows);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe('detectDelimiter', () => {
  it.each([
    [HEADER, ','],
    ['nip;name;email;opd_code;jabatan;jabatan_kategori;roles', ';'],
    ['nip', ','],
    ['', ','],
    ['a;b,c', ','],
    ['a;b;c,d', ';'],
    ['"nama, lengkap";nip;email', ';'],
  ])('detects the delimiter of %p as %p', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe('parseUserCsv', () => {
  describe('well-formed files', () => {
    it('parses a comma-separated file into typed rows', () => {
      const result = okResult(csv(HEADER, ROW_A, ROW_B));
      expect(result.rejected).toEqual([]);
      expect(result.rows).toEqual([
        {
          line: 2,
          nip: NIP_A,
          name: 'Budi Santoso',
          email: 'budi@jakarta.go.id',
          opdCode: 'BKD',
          jabatan: 'Analis Kebijakan Ahli Muda',
          jabatanKategori: 'fungsional_lain',
          roles: ['asn', 'verifier'],
          info: {
            nip: NIP_A,
            birthDate: '1985-03-15',
            appointedMonth: '2010-01',
            sex: 'male',
          },
        },
        {
          line: 3,
          nip: NIP_B,
          name: 'Siti Rahman',
          email: 'siti@jakarta.go.id',
          opdCode: 'DISDIK',
          jabatan: 'Kepala Subbagian Umum',
          jabatanKategori: 'administrasi',
          roles: undefined,
          info: {
            nip: NIP_B,
            birthDate: '1990-01-01',
            appointedMonth: '2015-03',
            sex: 'female',
          },
        },
      ]);
    });

    it('parses a semicolon-separated file (Indonesian Excel)', () => {
      const text = csv(
        HEADER.replace(/,/g, ';'),
        ROW_A.replace(/,/g, ';'),
        ROW_B.replace(/,/g, ';'),
      );
      const result = okResult(text);
      expect(result.rejected).toEqual([]);
      expect(result.rows.map((r) => [r.line, r.nip, r.email, r.roles])).toEqual([
        [2, NIP_A, 'budi@jakarta.go.id', ['asn', 'verifier']],
        [3, NIP_B, 'siti@jakarta.go.id', undefined],
      ]);
    });

    it('strips a UTF-8 BOM before reading the header', () => {
      const result = okResult(`\uFEFF${csv(HEADER, ROW_A)}`);
      expect(result.rows.map((r) => r.nip)).toEqual([NIP_A]);
      expect(result.rejected).toEqual([]);
    });

    it('strips a UTF-8 BOM in front of a quoted header cell', () => {
      const quotedHeader = HEADER.split(',')
        .map((h) => `"${h}"`)
        .join(',');
      const result = okResult(`\uFEFF${csv(quotedHeader, ROW_A)}`);
      expect(result.rows.map((r) => r.nip)).toEqual([NIP_A]);
    });

    it('accepts CRLF line endings without leaking \\r into cells', () => {
      const result = okResult([HEADER, ROW_A, ROW_C].join('\r\n') + '\r\n');
      expect(result.rows.map((r) => [r.line, r.roles, r.jabatanKategori])).toEqual([
        [2, ['asn', 'verifier'], 'fungsional_lain'],
        [3, ['asn'], 'fungsional_ahli_madya'],
      ]);
    });

    it('keeps the delimiter inside quoted cells (comma file)', () => {
      const row = `${NIP_A},"Budi Santoso, S.Kom.",budi@jakarta.go.id,BKD,"Analis, Kebijakan",fungsional_lain,asn`;
      const result = okResult(csv(HEADER, row));
      expect(result.rows[0]).toMatchObject({
        name: 'Budi Santoso, S.Kom.',
        jabatan: 'Analis, Kebijakan',
        roles: ['asn'],
      });
    });

    it('keeps the delimiter inside quoted cells (semicolon file)', () => {
      const header = HEADER.replace(/,/g, ';');
      const row = `${NIP_A};"Budi; Santoso";budi@jakarta.go.id;BKD;"Kepala Seksi; Pelayanan";administrasi;"asn;verifier"`;
      const result = okResult(csv(header, row));
      expect(result.rows[0]).toMatchObject({
        name: 'Budi; Santoso',
        jabatan: 'Kepala Seksi; Pelayanan',
        roles: ['asn', 'verifier'],
      });
    });

    it('normalises cells: trims, collapses spaces, lower-cases email, upper-cases OPD code', () => {
      const row = ` 19850315 201001 1 001 ,  Budi   Santoso ,Budi@Jakarta.GO.ID, bkd ,Analis   Kebijakan, ADMINISTRASI , Verifier | ASN | verifier `;
      const [parsed] = okResult(csv(HEADER, row)).rows;
      expect(parsed).toMatchObject({
        nip: NIP_A,
        name: 'Budi Santoso',
        email: 'budi@jakarta.go.id',
        opdCode: 'BKD',
        jabatan: 'Analis Kebijakan',
        jabatanKategori: 'administrasi',
        roles: ['verifier', 'asn'],
      });
    });

    it('reads columns by header name, in any order and case, without a roles column', () => {
      const text = csv(
        'Email,NIP,Jabatan_Kategori,Name,Jabatan,OPD_Code',
        `budi@jakarta.go.id,${NIP_A},administrasi,Budi Santoso,Kepala Seksi,BKD`,
      );
      const [row] = okResult(text).rows;
      expect(row).toMatchObject({
        nip: NIP_A,
        email: 'budi@jakarta.go.id',
        name: 'Budi Santoso',
        jabatan: 'Kepala Seksi',
        opdCode: 'BKD',
        roles: undefined,
      });
    });

    it('splits roles on | , ; and spaces', () => {
      const row = `${NIP_A},Budi Santoso,budi@jakarta.go.id,BKD,Analis,administrasi,"asn, verifier;opd_admin admin"`;
      expect(okResult(csv(HEADER, row)).rows[0]?.roles).toEqual([
        'asn',
        'verifier',
        'opd_admin',
        'admin',
      ]);
    });

    it('ignores blank lines but keeps counting them for line numbers', () => {
      const text = `${HEADER}\n\n${ROW_A}\n\n\n${ROW_B}\n\n`;
      const result = okResult(text);
      expect(result.rows.map((r) => [r.line, r.nip])).toEqual([
        [3, NIP_A],
        [6, NIP_B],
      ]);
      expect(result.rejected).toEqual([]);
    });

    it('ignores rows whose cells are all empty', () => {
      const result = okResult(csv(HEADER, ',,,,,,', ROW_A, ' , , ,,,,'));
      expect(result.rows.map((r) => [r.line, r.nip])).toEqual([[3, NIP_A]]);
      expect(result.rejected).toEqual([]);
    });

    it('returns no rows for a header-only file', () => {
      expect(parseUserCsv(HEADER, 10)).toEqual({ ok: true, rows: [], rejected: [] });
    });
  });

  describe('row validation', () => {
    it.each([
      ['a NIP with letters', { nip: '19850315201001100X' }, 'INVALID_NIP_FORMAT', 'nip'],
      ['a short NIP', { nip: '1985031520100110' }, 'INVALID_NIP_FORMAT', 'nip'],
      ['an impossible birth date', { nip: '198502302010011001' }, 'INVALID_NIP_BIRTH_DATE', 'nip'],
      ['an appointment month 13', { nip: '198503152010131001' }, 'INVALID_NIP_APPOINTMENT', 'nip'],
      ['sex digit 3', { nip: '198503152010013001' }, 'INVALID_NIP_SEX', 'nip'],
      ['an email without @', { email: 'budi.jakarta.go.id' }, 'INVALID_EMAIL', 'email'],
      ['an email without domain dot', { email: 'budi@jakarta' }, 'INVALID_EMAIL', 'email'],
      ['an empty email', { email: '' }, 'INVALID_EMAIL', 'email'],
      ['a one-letter name', { name: 'B' }, 'INVALID_NAME', 'name'],
      ['an OPD code starting with a digit', { opd: '1BKD' }, 'UNKNOWN_OPD', 'opd_code'],
      ['an empty OPD code', { opd: '' }, 'UNKNOWN_OPD', 'opd_code'],
      ['an empty jabatan', { jabatan: '' }, 'INVALID_JABATAN', 'jabatan'],
      [
        'an unknown jabatan_kategori',
        { kategori: 'manajer' },
        'INVALID_JABATAN_KATEGORI',
        'jabatan_kategori',
      ],
      ['an unknown role', { roles: 'asn|superuser' }, 'INVALID_ROLE', 'roles'],
      ['a role with a typo', { roles: 'verifikator' }, 'INVALID_ROLE', 'roles'],
    ])('rejects %s', (_label, override, code, field) => {
      const cells = {
        nip: NIP_B,
        name: 'Siti Rahman',
        email: 'siti@jakarta.go.id',
        opd: 'DISDIK',
        jabatan: 'Kepala Subbagian Umum',
        kategori: 'administrasi',
        roles: 'asn',
        ...override,
      };
      const bad = [
        cells.nip,
        cells.name,
        cells.email,
        cells.opd,
        cells.jabatan,
        cells.kategori,
        cells.roles,
      ].join(',');
      const result = okResult(csv(HEADER, ROW_A, bad, ROW_C));
      expect(result.rows.map((r) => [r.line, r.nip])).toEqual([
        [2, NIP_A],
        [4, NIP_C],
      ]);
      expect(result.rejected).toEqual([{ line: 3, nip: cells.nip, problems: [{ code, field }] }]);
    });

    it('lists every problem of a row', () => {
      const bad = 'abc,X,nope,9,J,boss,king';
      expect(okResult(csv(HEADER, bad)).rejected).toEqual([
        {
          line: 2,
          nip: 'abc',
          problems: [
            { code: 'INVALID_NIP_FORMAT', field: 'nip' },
            { code: 'INVALID_NAME', field: 'name' },
            { code: 'INVALID_EMAIL', field: 'email' },
            { code: 'UNKNOWN_OPD', field: 'opd_code' },
            { code: 'INVALID_JABATAN', field: 'jabatan' },
            { code: 'INVALID_JABATAN_KATEGORI', field: 'jabatan_kategori' },
            { code: 'INVALID_ROLE', field: 'roles' },
          ],
        },
      ]);
    });

    it('treats missing trailing cells as empty', () => {
      const result = okResult(csv(HEADER, `${NIP_A},Budi Santoso,budi@jakarta.go.id`));
      expect(result.rows).toEqual([]);
      expect(result.rejected[0]?.problems.map((p) => p.code)).toEqual([
        'UNKNOWN_OPD',
        'INVALID_JABATAN',
        'INVALID_JABATAN_KATEGORI',
      ]);
    });
  });

  describe('duplicates within the file', () => {
    it('rejects a later row with a NIP seen earlier', () => {
      const dup = `${NIP_A},Budi Lain,budi.lain@jakarta.go.id,BKD,Analis,administrasi,`;
      const result = okResult(csv(HEADER, ROW_A, ROW_B, dup));
      expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
      expect(result.rejected).toEqual([
        { line: 4, nip: NIP_A, problems: [{ code: 'DUPLICATE_NIP_IN_FILE', field: 'nip' }] },
      ]);
    });

    it('rejects a later row with an email seen earlier, ignoring case', () => {
      const dup = `${NIP_C},Eko Wijaya,BUDI@jakarta.go.id,BKD,Analis,administrasi,`;
      const result = okResult(csv(HEADER, ROW_A, dup));
      expect(result.rows.map((r) => r.line)).toEqual([2]);
      expect(result.rejected).toEqual([
        { line: 3, nip: NIP_C, problems: [{ code: 'DUPLICATE_EMAIL_IN_FILE', field: 'email' }] },
      ]);
    });

    it('reports both duplicates on the same row', () => {
      const result = okResult(csv(HEADER, ROW_A, ROW_A));
      expect(result.rejected).toEqual([
        {
          line: 3,
          nip: NIP_A,
          problems: [
            { code: 'DUPLICATE_NIP_IN_FILE', field: 'nip' },
            { code: 'DUPLICATE_EMAIL_IN_FILE', field: 'email' },
          ],
        },
      ]);
    });

    it('treats NIPs that differ only in spaces as duplicates', () => {
      const spaced = ` 19850315 201001 1 001,Budi Dua,budi2@jakarta.go.id,BKD,Analis,administrasi,`;
      const result = okResult(csv(HEADER, ROW_A, spaced));
      expect(result.rejected.map((r) => [r.line, r.nip, r.problems[0]?.code])).toEqual([
        [3, NIP_A, 'DUPLICATE_NIP_IN_FILE'],
      ]);
    });
  });

  describe('file-level problems', () => {
    it.each([[''], ['\uFEFF'], ['   '], ['\r\n']])('reports %p as empty', (text) => {
      expect(parseUserCsv(text, 10)).toEqual({ ok: false, problem: 'empty' });
    });

    it('reports the missing required columns', () => {
      expect(parseUserCsv(csv('nip,name,email,roles', `${NIP_A},Budi,b@x.id,asn`), 10)).toEqual({
        ok: false,
        problem: 'missing_columns',
        details: { missing: ['opd_code', 'jabatan', 'jabatan_kategori'] },
      });
    });

    it('reports every required column when the header uses another delimiter', () => {
      const result = parseUserCsv('nip\tname\temail\topd_code\tjabatan\tjabatan_kategori', 10);
      expect(result).toEqual({
        ok: false,
        problem: 'missing_columns',
        details: { missing: ['nip', 'name', 'email', 'opd_code', 'jabatan', 'jabatan_kategori'] },
      });
    });

    it('accepts exactly maxRows data rows', () => {
      const result = okResult(csv(HEADER, ROW_A, ROW_B, ROW_C), 3);
      expect(result.rows).toHaveLength(3);
    });

    it('refuses more than maxRows data rows', () => {
      expect(parseUserCsv(csv(HEADER, ROW_A, ROW_B, ROW_C), 2)).toEqual({
        ok: false,
        problem: 'too_many_rows',
        details: { maxRows: 2 },
      });
    });

    it('does not count blank lines towards maxRows', () => {
      const result = okResult(`${HEADER}\n${ROW_A}\n\n\n${ROW_B}\n\n\n`, 2);
      expect(result.rows).toHaveLength(2);
    });

    it('reports an unclosed quote as unparseable', () => {
      const result = parseUserCsv(
        csv(HEADER, `${NIP_A},"Budi Santoso,b@x.id,BKD,A,administrasi,`),
        10,
      );
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({
        problem: 'unparseable',
        details: { reason: expect.any(String) },
      });
    });
  });
});

describe('parseUserCsv: Excel quirks', () => {
  const HEAD = 'nip,name,email,opd_code,jabatan,jabatan_kategori,roles';
  const ROW = '198503152010011001,Agus Santoso,agus@jakarta.go.id,BPSDM,Analis,administrasi,';

  it('does not count rows of bare delimiters toward the row limit', () => {
    const semi = `${HEAD.replace(/,/g, ';')}\n${ROW.replace(/,/g, ';')}\n;;;;;;\n;;;;;;\n`;
    const result = parseUserCsv(semi, 1);
    expect(result.ok && result.rows.map((r) => r.nip)).toEqual(['198503152010011001']);
    const comma = parseUserCsv(`${HEAD}\n${ROW}\n,,,,,,\n`, 1);
    expect(comma.ok && comma.rows).toHaveLength(1);
  });

  it('reports the line a row starts on when a quoted cell spans lines', () => {
    const csv = `${HEAD}\n198503152010011001,"Agus\nSantoso",agus@jakarta.go.id,BPSDM,Analis,administrasi,\nxx,A,a,B,c,d,\n`;
    const result = parseUserCsv(csv, 5);
    expect(result.ok && result.rows.map((r) => [r.line, r.name])).toEqual([[2, 'Agus Santoso']]);
    expect(result.ok && result.rejected.map((r) => r.line)).toEqual([4]);
  });

  it('finds the header after leading blank lines', () => {
    const result = parseUserCsv(`\n\n${HEAD}\n${ROW}\n`, 5);
    expect(result.ok && result.rows.map((r) => r.line)).toEqual([4]);
  });
});

describe('parseUserCsv: planned departures and birth dates (issue #17)', () => {
  const HEAD = `${HEADER},planned_departure,departure_reason,departure_note`;
  const base = `${NIP_A},Budi Santoso,budi@jakarta.go.id,BKD,Analis,administrasi,`;

  it('reads a planned departure with its reason and note', () => {
    const result = okResult(csv(HEAD, `${base},2026-09-01,mutasi,Ke Dinas Kesehatan`));
    expect(result.rows[0].plannedDeparture).toEqual({
      date: '2026-09-01',
      reason: 'mutasi',
      note: 'Ke Dinas Kesehatan',
    });
  });

  it('empty departure cells remove a planned departure (null); a file without the columns keeps it', () => {
    expect(okResult(csv(HEAD, `${base},,,`)).rows[0].plannedDeparture).toBeNull();
    expect(okResult(csv(HEADER, base)).rows[0]).not.toHaveProperty('plannedDeparture');
  });

  it.each([
    ['a date without a reason', '2026-09-01,,', 'PLANNED_DEPARTURE_INCOMPLETE', 'departure_reason'],
    ['a reason without a date', ',mutasi,', 'PLANNED_DEPARTURE_INCOMPLETE', 'planned_departure'],
    ['a note alone', ',,Catatan', 'PLANNED_DEPARTURE_INCOMPLETE', 'planned_departure'],
    ['an impossible date', '2026-02-30,mutasi,', 'INVALID_PLANNED_DEPARTURE', 'planned_departure'],
    ['a day-first date', '01/09/2026,mutasi,', 'INVALID_PLANNED_DEPARTURE', 'planned_departure'],
    ['an unknown reason', '2026-09-01,promosi,', 'INVALID_DEPARTURE_REASON', 'departure_reason'],
  ])('rejects %s', (_label, cells, code, field) => {
    const result = okResult(csv(HEAD, `${base},${cells}`));
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([{ line: 2, nip: NIP_A, problems: [{ code, field }] }]);
  });

  it('accepts a birth date that agrees with the NIP and reports one that does not', () => {
    const head = `${HEADER},birth_date`;
    expect(okResult(csv(head, `${base},1985-03-15`)).rows).toHaveLength(1);
    const result = okResult(csv(head, `${base},1975-02-18`));
    expect(result.rejected).toEqual([
      { line: 2, nip: NIP_A, problems: [{ code: 'BIRTH_DATE_MISMATCH', field: 'birth_date' }] },
    ]);
  });

  it('reads tanggal_lahir the same way', () => {
    const result = okResult(csv(`${HEADER},tanggal_lahir`, `${base},1985-03-16`));
    expect(result.rejected[0].problems).toEqual([
      { code: 'BIRTH_DATE_MISMATCH', field: 'tanggal_lahir' },
    ]);
  });

  it.each([
    ['30 February', '198502302010011001'],
    ['month 13', '198513152010011001'],
    ['29 February of a common year', '198502292010011001'],
  ])('reports a NIP whose birth date is %s, never guessing one', (_label, nip) => {
    const result = okResult(csv(`${HEADER},birth_date`, `${base.replace(NIP_A, nip)},1985-03-01`));
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([
      { line: 2, nip, problems: [{ code: 'INVALID_NIP_BIRTH_DATE', field: 'nip' }] },
    ]);
  });
});
