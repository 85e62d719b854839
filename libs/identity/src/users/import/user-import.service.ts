import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import type { Principal, RoleGrant } from '../../authz/principal';
import type { Role } from '../../authz/permissions';
import { OpdsService } from '../../opds/opds.service';
import { administers, forbiddenRole, grantsFor, mayManage } from '../user-admin.policy';
import { UsersRepository } from '../users.repository';
import { ParsedUserRow, parseUserCsv, RowProblem } from './user-csv';
import { IdentityErrorCode } from '../../error-codes';

export const IMPORT_MAX_ROWS = 20_000;
const CHUNK = 5_000;

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportRowReport {
  line: number;
  nip: string;
  status: ImportStatus;
  userId?: string;
  problems?: RowProblem[];
}

export interface ImportReport {
  dryRun: boolean;
  summary: Record<ImportStatus, number> & { total: number };
  rows: ImportRowReport[];
}

interface Existing {
  id: string;
  nip: string;
  name: string;
  email: string;
  opdId: string;
  jabatan: string;
  jabatanKategori: string;
  plannedDepartureOn: string | null;
  plannedDepartureReason: string | null;
  plannedDepartureNote: string | null;
  roles: Role[];
}

interface Planned {
  row: ParsedUserRow;
  opdId: string;
  existing?: Existing;
  /** Grants to set, or undefined to keep the user's grants as they are. */
  grants?: RoleGrant[];
}

/**
 * CSV import of users, idempotent by NIP: each row is created, updated, left unchanged or
 * rejected with its reasons; valid rows are kept when others are bad. All writes of one import
 * happen in one transaction, in set-based statements (10,000 rows in a few seconds).
 */
@Injectable()
export class UserImportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Principal, csv: string, dryRun: boolean): Promise<ImportReport> {
    const parsed = parseUserCsv(csv, IMPORT_MAX_ROWS);
    if (!parsed.ok) {
      throw CommonErrors.validation([
        { field: 'file', problems: [`csv_${parsed.problem}`], details: parsed.details },
      ]);
    }
    const reports: ImportRowReport[] = parsed.rejected.map((r) => ({
      line: r.line,
      nip: r.nip,
      status: 'rejected',
      problems: r.problems,
    }));
    const planned = await this.plan(actor, parsed.rows, reports);
    if (!dryRun && planned.length > 0) {
      await this.ds.transaction(async (tx) => {
        const ids = await this.write(tx, planned, actor.userId);
        for (const report of reports) report.userId ??= ids.get(report.nip);
        await this.audit.record(tx, {
          actorId: actor.userId,
          action: 'users_imported',
          targetType: 'user',
          details: { rows: reports.length, written: planned.length },
        });
      });
    }
    reports.sort((a, b) => a.line - b.line);
    const summary = { total: reports.length, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const r of reports) summary[r.status] += 1;
    return { dryRun, summary, rows: reports };
  }

  /** Checks every row against the database and the actor's scope; returns the rows to write. */
  private async plan(
    actor: Principal,
    rows: ParsedUserRow[],
    reports: ImportRowReport[],
  ): Promise<Planned[]> {
    const opdIds = await this.opds.idsByCode([...new Set(rows.map((r) => r.opdCode))]);
    const existing = new Map(
      (
        await this.ds.query<Existing[]>(
          `SELECT u.id, u.nip, u.name, u.email, u.opd_id AS "opdId", u.jabatan,
                u.jabatan_kategori AS "jabatanKategori",
                u.planned_departure_on::text AS "plannedDepartureOn",
                u.planned_departure_reason AS "plannedDepartureReason",
                u.planned_departure_note AS "plannedDepartureNote",
                COALESCE(array_agg(r.role::text ORDER BY r.role) FILTER (WHERE r.role <> 'cop_lead'), '{}') AS roles
           FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
          WHERE u.nip = ANY($1) GROUP BY u.id`,
          [rows.map((r) => r.nip)],
        )
      ).map((e) => [e.nip, e]),
    );
    const emailOwner = new Map(
      (
        await this.ds.query<{ nip: string; email: string }[]>(
          `SELECT nip, email FROM users WHERE email = ANY($1)`,
          [rows.map((r) => r.email)],
        )
      ).map((e) => [e.email, e.nip]),
    );
    const planned: Planned[] = [];
    for (const row of rows) {
      const ex = existing.get(row.nip);
      const opdId = opdIds.get(row.opdCode);
      const problem = this.problemOf(actor, row, opdId, ex, emailOwner.get(row.email));
      if (problem || !opdId) {
        reports.push({ line: row.line, nip: row.nip, status: 'rejected', problems: [problem!] });
        continue;
      }
      const roles = row.roles ?? (!ex ? ['asn'] : ex.opdId !== opdId ? ex.roles : undefined);
      const grants = roles ? grantsFor(roles, opdId) : undefined;
      const status = !ex
        ? 'created'
        : isUnchanged(row, opdId, ex, grants)
          ? 'unchanged'
          : 'updated';
      reports.push({ line: row.line, nip: row.nip, status, ...(ex ? { userId: ex.id } : {}) });
      if (status !== 'unchanged') planned.push({ row, opdId, existing: ex, grants });
    }
    return planned;
  }

  private problemOf(
    actor: Principal,
    row: ParsedUserRow,
    opdId: string | undefined,
    ex: Existing | undefined,
    emailOwnerNip: string | undefined,
  ): RowProblem | undefined {
    if (!opdId) return { code: 'UNKNOWN_OPD', field: 'opd_code' };
    if (!administers(actor, opdId) || (ex && !administers(actor, ex.opdId))) {
      return { code: 'OPD_NOT_ALLOWED', field: 'opd_code' };
    }
    if (
      ex &&
      !mayManage(
        actor,
        ex.roles.map((role) => ({ role })),
      )
    ) {
      return { code: 'USER_NOT_MANAGEABLE', field: 'nip' };
    }
    if (emailOwnerNip && emailOwnerNip !== row.nip)
      return { code: IdentityErrorCode.EMAIL_TAKEN, field: 'email' };
    if (row.roles) {
      const bad = forbiddenRole(actor, row.roles, opdId);
      if (bad) return { code: IdentityErrorCode.ROLE_NOT_ALLOWED, field: 'roles' };
    }
    if (ex?.id === actor.userId && (row.roles || ex.opdId !== opdId)) {
      return { code: IdentityErrorCode.CANNOT_CHANGE_OWN_ACCESS, field: 'roles' };
    }
    return undefined;
  }

  /** Planned departures of the rows whose file has the departure columns (empty cells clear). */
  private async writePlannedDepartures(tx: EntityManager, chunk: Planned[]): Promise<void> {
    const columns = departureColumns(chunk);
    if (columns[0].length === 0) return;
    await tx.query(
      `UPDATE users u SET planned_departure_on = v.day, planned_departure_reason = v.reason,
              planned_departure_note = v.note, updated_at = now()
         FROM unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS v(nip, day, reason, note)
        WHERE u.nip = v.nip`,
      columns,
    );
  }

  /** Inserts new users, updates changed ones, then replaces grants; returns nip → id. */
  private async write(
    tx: EntityManager,
    planned: Planned[],
    actorId: string,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < planned.length; i += CHUNK) {
      const chunk = planned.slice(i, i + CHUNK);
      const created = chunk.filter((p) => !p.existing).map((p) => p.row);
      const updated = chunk.filter((p) => p.existing).map((p) => p.row);
      const opdOf = new Map(chunk.map((p) => [p.row.nip, p.opdId]));
      const cols = (rs: ParsedUserRow[]): unknown[] => [
        rs.map((r) => r.nip),
        rs.map((r) => r.name),
        rs.map((r) => r.email),
        rs.map((r) => opdOf.get(r.nip)),
        rs.map((r) => r.jabatan),
        rs.map((r) => r.jabatanKategori),
      ];
      if (created.length > 0) {
        const inserted: { id: string; nip: string }[] = await tx.query(
          `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[],
                                $7::date[], $8::text[])
           RETURNING id, nip`,
          [...cols(created), created.map((r) => r.info.birthDate), created.map((r) => r.info.sex)],
        );
        for (const r of inserted) ids.set(r.nip, r.id);
      }
      if (updated.length > 0) {
        await tx.query(
          `UPDATE users u SET name = v.name, email = v.email, opd_id = v.opd_id, jabatan = v.jabatan,
                  jabatan_kategori = v.kategori, updated_at = now()
             FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[])
                  AS v(nip, name, email, opd_id, jabatan, kategori)
            WHERE u.nip = v.nip`,
          cols(updated),
        );
      }
      for (const p of chunk) if (p.existing) ids.set(p.row.nip, p.existing.id);
      await this.writePlannedDepartures(tx, chunk);
      const withGrants = chunk.filter((p) => p.grants);
      const userIds = withGrants.map((p) => ids.get(p.row.nip)!);
      const grants = new Map(withGrants.map((p) => [ids.get(p.row.nip)!, p.grants!]));
      await this.users.replaceGrants(tx, userIds, grants, actorId);
    }
    return ids;
  }
}

/** Rows whose file carries the departure columns, as [nip, date, reason, note] columns. */
function departureColumns(
  chunk: Planned[],
): [string[], (string | null)[], (string | null)[], (string | null)[]] {
  const rows = chunk.filter((p) => p.row.plannedDeparture !== undefined).map((p) => p.row);
  return [
    rows.map((r) => r.nip),
    rows.map((r) => r.plannedDeparture?.date ?? null),
    rows.map((r) => r.plannedDeparture?.reason ?? null),
    rows.map((r) => r.plannedDeparture?.note ?? null),
  ];
}

function isUnchanged(
  row: ParsedUserRow,
  opdId: string,
  ex: Existing,
  grants: RoleGrant[] | undefined,
): boolean {
  const same =
    ex.name === row.name &&
    ex.email === row.email &&
    ex.opdId === opdId &&
    ex.jabatan === row.jabatan &&
    ex.jabatanKategori === row.jabatanKategori &&
    (row.plannedDeparture === undefined ||
      ((ex.plannedDepartureOn ?? null) === (row.plannedDeparture?.date ?? null) &&
        (ex.plannedDepartureReason ?? null) === (row.plannedDeparture?.reason ?? null) &&
        (ex.plannedDepartureNote ?? null) === (row.plannedDeparture?.note ?? null)));
  if (!same) return false;
  if (!grants) return true;
  const wanted = grants.map((g) => g.role).sort();
  return wanted.join('|') === [...ex.roles].sort().join('|');
}
