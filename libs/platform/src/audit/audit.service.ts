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

/** Append-only security audit log (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.ds.manager): Promise<void> {
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
}
