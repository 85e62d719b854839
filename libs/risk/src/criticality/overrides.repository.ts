import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** The OPD admin's word on a person's criticality: value (null = removed), why, who, when. */
export interface CriticalityOverride {
  value: number | null;
  reason: string;
  setById: string;
  setAt: Date;
}

interface Row {
  user_id: string;
  value: number | null;
  reason: string;
  set_by: string;
  set_at: Date;
}

/** Criticality overrides: an append-only history; the latest row per person is in force. */
@Injectable()
export class OverridesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The latest entry per person (a removal is an entry with value null). */
  async currentByUsers(userIds: readonly string[]): Promise<Map<string, CriticalityOverride>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.ds.query<Row[]>(
      `SELECT DISTINCT ON (user_id) user_id, value, reason, set_by, set_at
         FROM criticality_overrides WHERE user_id = ANY($1::uuid[]) ORDER BY user_id, id DESC`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, toOverride(r)]));
  }

  async history(userId: string): Promise<CriticalityOverride[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT user_id, value, reason, set_by, set_at
         FROM criticality_overrides WHERE user_id = $1 ORDER BY id DESC`,
      [userId],
    );
    return rows.map(toOverride);
  }

  async record(
    tx: EntityManager,
    userId: string,
    value: number | null,
    reason: string,
    by: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO criticality_overrides (user_id, value, reason, set_by) VALUES ($1, $2, $3, $4)`,
      [userId, value, reason, by],
    );
  }
}

function toOverride(r: Row): CriticalityOverride {
  return {
    value: r.value,
    reason: r.reason,
    setById: r.set_by,
    setAt: r.set_at,
  };
}
