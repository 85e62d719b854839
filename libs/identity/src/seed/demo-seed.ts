import type { EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { grantsFor } from '../users/user-admin.policy';
import { parseNip } from '../users/nip';
import { makeName, makeNip, pick, positionsFor, prng } from './demo-people';
import { insertAppMeta, readAppMeta } from '@lumbung/platform';

export const DEMO_OPDS = ['BPSDM', 'DINKES'] as const;
const OTHER_ASN_PER_OPD = 4;
const MARKER = 'demo_seed';

export interface DemoLogin {
  email: string;
  role: string;
  opdCode: string;
}

/** The named demo logins, as listed in the README. */
export function demoLogins(): DemoLogin[] {
  const logins: DemoLogin[] = [
    { email: 'admin@lumbung.test', role: 'admin', opdCode: 'BPSDM' },
    { email: 'assessor@lumbung.test', role: 'assessor', opdCode: 'BPSDM' },
  ];
  for (const opd of DEMO_OPDS) {
    for (const role of ['asn', 'verifier', 'admin', 'lead']) {
      logins.push({
        email: `${role}.${opd.toLowerCase()}@lumbung.test`,
        role: role === 'admin' ? 'opd_admin' : role === 'lead' ? 'asn (CoP lead)' : role,
        opdCode: opd,
      });
    }
  }
  return logins;
}

interface SeedUser {
  nip: string;
  name: string;
  email: string;
  opdCode: string;
  jabatan: string;
  kategori: string;
  roles: string[];
}

function demoUsers(opds: { code: string; name: string }[]): SeedUser[] {
  const nameOf = new Map(opds.map((o) => [o.code, o.name]));
  const rand = prng(2025);
  let seq = 1;
  const user = (email: string, opdCode: string, roles: string[], name = makeName(rand)) => {
    const position = pick(rand, positionsFor(nameOf.get(opdCode) ?? '', opdCode));
    return {
      nip: makeNip(rand, seq++),
      name,
      email,
      opdCode,
      jabatan: position.jabatan,
      kategori: position.kategori,
      roles,
    };
  };
  const users: SeedUser[] = demoLogins().map((l) =>
    user(
      l.email,
      l.opdCode,
      l.role === 'admin' || l.role === 'assessor' || l.role === 'verifier' || l.role === 'opd_admin'
        ? [l.role]
        : ['asn'],
    ),
  );
  for (const code of opds.map((o) => o.code).sort()) {
    for (let i = 0; i < OTHER_ASN_PER_OPD; i++) {
      const name = makeName(rand);
      const local = name.toLowerCase().replace(/[^a-z]+/g, '.');
      users.push(user(`${local}.${seq}@demo.lumbung.test`, code, ['asn'], name));
    }
  }
  return users;
}

/**
 * Seeds demo users once (marked in app_meta); a later start finds the marker and does nothing.
 * Returns false when demo data was already there.
 */
export async function seedDemoData(m: EntityManager, password: string): Promise<boolean> {
  if ((await readAppMeta(m, MARKER)) !== undefined) return false;
  const opds: { id: string; code: string; name: string }[] = await m.query(
    `SELECT id, code, name FROM opds`,
  );
  const opdId = new Map(opds.map((o) => [o.code, o.id]));
  const hash = await hashPassword(password);
  const users = demoUsers(opds);
  for (const u of users) {
    const info = parseNip(u.nip);
    if (typeof info !== 'object') throw new Error(`demo NIP ${u.nip} is invalid: ${info}`);
    const oid = opdId.get(u.opdCode);
    if (!oid) throw new Error(`demo OPD ${u.opdCode} missing from the directory`);
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex,
                          password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (nip) DO NOTHING RETURNING id`,
      [u.nip, u.name, u.email, oid, u.jabatan, u.kategori, info.birthDate, info.sex, hash],
    );
    if (!row) continue;
    for (const g of grantsFor(u.roles, oid)) {
      await m.query(`INSERT INTO user_roles (user_id, role, opd_id) VALUES ($1, $2, $3)`, [
        row.id,
        g.role,
        g.opdId ?? null,
      ]);
    }
  }
  await insertAppMeta(m, MARKER, {
    version: 1,
    users: users.length,
    at: new Date().toISOString(),
  });
  return true;
}
