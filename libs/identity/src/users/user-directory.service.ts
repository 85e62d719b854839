import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What the meeting form's attendee picker shows of a person: enough to tell two Budis apart. */
export interface PersonLookup {
  id: string;
  nip: string;
  name: string;
  opdCode: string;
  opdName: string;
}

export interface UserSummary {
  id: string;
  name: string;
  opdId: string;
  opdCode: string;
  active: boolean;
}

/** Read service for other contexts: who is this user id / NIP (no personal data beyond name). */
@Injectable()
export class UserDirectory {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async byIds(ids: readonly string[]): Promise<Map<string, UserSummary>> {
    if (ids.length === 0) return new Map();
    return this.query(`u.id = ANY($1::uuid[])`, [ids], (u) => u.id);
  }

  async byNips(nips: readonly string[]): Promise<Map<string, UserSummary>> {
    if (nips.length === 0) return new Map();
    return this.query(`u.nip = ANY($1::text[])`, [nips], (u) => u.nip);
  }

  /**
   * Active people (no service accounts) with a name word starting with `prefix`, by name: the
   * staff directory's completions (id and name only).
   */
  async byNamePrefix(prefix: string, limit: number): Promise<{ id: string; name: string }[]> {
    const p = prefix
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    if (!p) return [];
    return this.ds.query<{ id: string; name: string }[]>(
      `SELECT u.id, u.name FROM users u
        WHERE u.active AND NOT u.service_account
          AND (lower(u.name) LIKE $1 || '%' OR lower(u.name) LIKE '% ' || $1 || '%')
        ORDER BY lower(u.name) LIKE $1 || '%' DESC, u.name, u.id LIMIT $2`,
      [p, limit],
    );
  }

  /**
   * These people as the attendee picker shows them (NIP, name, OPD), active or not, in one query:
   * for those who must tell a person apart (a CoP's leads reading join requests).
   */
  async peopleByIds(ids: readonly string[]): Promise<Map<string, PersonLookup>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ds.query<PersonLookup[]>(
      `SELECT u.id, u.nip, u.name, o.code AS "opdCode", o.name AS "opdName"
         FROM users u JOIN opds o ON o.id = u.opd_id WHERE u.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Active people (no service accounts) whose NIP starts with `q` (digits only) or with a name
   * word starting with `q`, best first: exact NIP, then name starts, then by name. For the
   * callers who must record who attended (the caller's service decides who that is).
   */
  async lookup(q: string, limit: number): Promise<PersonLookup[]> {
    const text = q.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!text) return [];
    const digits = /^[\d\s.]+$/.test(text) ? text.replace(/[\s.]/g, '') : null;
    const like = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.ds.query<PersonLookup[]>(
      `SELECT u.id, u.nip, u.name, o.code AS "opdCode", o.name AS "opdName"
         FROM users u JOIN opds o ON o.id = u.opd_id
        WHERE u.active AND NOT u.service_account
          AND (($1::text IS NOT NULL AND u.nip LIKE $1 || '%')
               OR ($1::text IS NULL AND (lower(u.name) LIKE $2 || '%' OR lower(u.name) LIKE '% ' || $2 || '%')))
        ORDER BY u.nip = $1 DESC NULLS LAST, lower(u.name) LIKE $2 || '%' DESC, u.name, u.id
        LIMIT $3`,
      [digits, like, limit],
    );
  }

  private async query(
    where: string,
    params: unknown[],
    key: (u: UserSummary & { nip: string }) => string,
  ): Promise<Map<string, UserSummary>> {
    const rows = await this.ds.query<(UserSummary & { nip: string })[]>(
      `SELECT u.id, u.nip, u.name, u.opd_id AS "opdId", o.code AS "opdCode", u.active
         FROM users u JOIN opds o ON o.id = u.opd_id WHERE ${where}`,
      params,
    );
    return new Map(
      rows.map((r) => [
        key(r),
        { id: r.id, name: r.name, opdId: r.opdId, opdCode: r.opdCode, active: r.active },
      ]),
    );
  }
}
