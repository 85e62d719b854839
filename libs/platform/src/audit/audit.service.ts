import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId?: string | null;
  /** Vocabulary after the OWASP logging cheat sheet: authn_login_success, authz_fail, … */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string;
  requestId?: string;
}

/** Filters of the audit log's read route; days are WIB calendar days, both inclusive. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  fromDay?: string;
  toDay?: string;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** Append-only security audit log (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(manager: EntityManager = this.ds.manager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, details, ip, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorId ?? null,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.ip?.slice(0, 64) ?? null,
        entry.requestId?.slice(0, 64) ?? null,
      ],
    );
  }

  /** One page of entries, newest first, with the total that matches the filter. */
  async list(
    filter: AuditFilter,
    page: number,
    limit: number,
  ): Promise<{ items: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId) add('actor_id = ?::uuid', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.targetType) add('target_type = ?', filter.targetType);
    if (filter.targetId) add('target_id = ?', filter.targetId);
    // WIB days: from 00:00 WIB of the first to the end of the last.
    if (filter.fromDay)
      add(`at >= (?::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`, filter.fromDay);
    if (filter.toDay)
      add(`at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'`, filter.toDay);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM audit_log ${clause}`,
      params,
    );
    const items = await this.ds.query<AuditRow[]>(
      `SELECT id::text, at, actor_id AS "actorId", action, target_type AS "targetType",
              target_id AS "targetId", details, ip
         FROM audit_log ${clause}
        ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, (page - 1) * limit],
    );
    return { total, items };
  }
}
