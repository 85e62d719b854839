import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlanState } from './plan-state';

export interface RetentionPlan {
  id: string;
  userId: string;
  opdId: string;
  interviewerId: string;
  targetDate: string;
  notes: string;
  state: PlanState;
  interviewedOn: string | null;
  assetId: string | null;
  assetPublishedAt: Date | null;
  cancelReason: string | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlanEvent {
  action: 'create' | 'update' | 'interviewed' | 'published' | 'cancel';
  fromState: PlanState | null;
  toState: PlanState;
  /** Null when the system moved the plan (its interview was published). */
  actorId: string | null;
  details: Record<string, unknown>;
  at: Date;
}

const COLUMNS = `p.id, p.user_id, p.opd_id, p.interviewer_id, p.target_date::text, p.notes, p.state,
  p.interviewed_on::text, p.asset_id, p.asset_published_at, p.cancel_reason, p.version, p.created_by,
  p.created_at, p.updated_at`;

interface Row {
  id: string;
  user_id: string;
  opd_id: string;
  interviewer_id: string;
  target_date: string;
  notes: string;
  state: PlanState;
  interviewed_on: string | null;
  asset_id: string | null;
  asset_published_at: Date | null;
  cancel_reason: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Retention plans and their history (intent-named queries; each write takes the transaction). */
@Injectable()
export class RetentionPlansRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async findById(
    m: EntityManager = this.ds.manager,
    id: string,
  ): Promise<RetentionPlan | undefined> {
    const [row] = await m.query<Row[]>(`SELECT ${COLUMNS} FROM retention_plans p WHERE p.id = $1`, [
      id,
    ]);
    return row ? toPlan(row) : undefined;
  }

  async lock(tx: EntityManager, id: string): Promise<RetentionPlan | undefined> {
    const [row] = await tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM retention_plans p WHERE p.id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toPlan(row) : undefined;
  }

  /** Each person's current plan: the live or finished one, else the latest cancelled one. */
  /** Each person's current plan; inside a transaction pass it (never a second pool connection). */
  async currentByUsers(
    tx: EntityManager | null,
    userIds: readonly string[],
  ): Promise<Map<string, RetentionPlan>> {
    if (userIds.length === 0) return new Map();
    const rows = await (tx ?? this.ds).query<Row[]>(
      `SELECT DISTINCT ON (p.user_id) ${COLUMNS} FROM retention_plans p
        WHERE p.user_id = ANY($1::uuid[])
        ORDER BY p.user_id, (p.state = 'dibatalkan'), p.created_at DESC`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, toPlan(r)]));
  }

  async listByOpd(opdId: string, states?: readonly PlanState[]): Promise<RetentionPlan[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM retention_plans p
        WHERE p.opd_id = $1 AND ($2::text[] IS NULL OR p.state = ANY($2::text[]))
        ORDER BY p.target_date, p.created_at`,
      [opdId, states ?? null],
    );
    return rows.map(toPlan);
  }

  /** Open plans (waiting for their interview asset), of some people or of everyone. */
  async open(userIds?: readonly string[]): Promise<RetentionPlan[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM retention_plans p
        WHERE p.state IN ('direncanakan', 'diwawancarai')
          AND ($1::uuid[] IS NULL OR p.user_id = ANY($1::uuid[]))`,
      [userIds ?? null],
    );
    return rows.map(toPlan);
  }

  async insert(
    tx: EntityManager,
    plan: Pick<RetentionPlan, 'userId' | 'opdId' | 'interviewerId' | 'targetDate' | 'notes'>,
    by: string,
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO retention_plans (user_id, opd_id, interviewer_id, target_date, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [plan.userId, plan.opdId, plan.interviewerId, plan.targetDate, plan.notes, by],
    );
    return row.id;
  }

  /** Writes a plan's editable fields and state, bumping its version. */
  async save(tx: EntityManager, plan: RetentionPlan): Promise<void> {
    await tx.query(
      `UPDATE retention_plans SET interviewer_id = $2, target_date = $3, notes = $4, state = $5,
              interviewed_on = $6, asset_id = $7, asset_published_at = $8, cancel_reason = $9,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        plan.id,
        plan.interviewerId,
        plan.targetDate,
        plan.notes,
        plan.state,
        plan.interviewedOn,
        plan.assetId,
        plan.assetPublishedAt,
        plan.cancelReason,
      ],
    );
  }

  async recordEvent(
    tx: EntityManager,
    planId: string,
    event: Omit<PlanEvent, 'at'>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO retention_plan_events (plan_id, action, from_state, to_state, actor_id, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        planId,
        event.action,
        event.fromState,
        event.toState,
        event.actorId,
        JSON.stringify(event.details),
      ],
    );
  }

  async events(planId: string): Promise<PlanEvent[]> {
    const rows = await this.ds.query<
      {
        action: PlanEvent['action'];
        from_state: PlanState | null;
        to_state: PlanState;
        actor_id: string | null;
        details: Record<string, unknown>;
        at: Date;
      }[]
    >(
      `SELECT action, from_state, to_state, actor_id, details, at FROM retention_plan_events
        WHERE plan_id = $1 ORDER BY id`,
      [planId],
    );
    return rows.map((r) => ({
      action: r.action,
      fromState: r.from_state,
      toState: r.to_state,
      actorId: r.actor_id,
      details: r.details,
      at: r.at,
    }));
  }
}

function toPlan(r: Row): RetentionPlan {
  return {
    id: r.id,
    userId: r.user_id,
    opdId: r.opd_id,
    interviewerId: r.interviewer_id,
    targetDate: r.target_date,
    notes: r.notes,
    state: r.state,
    interviewedOn: r.interviewed_on,
    assetId: r.asset_id,
    assetPublishedAt: r.asset_published_at,
    cancelReason: r.cancel_reason,
    version: r.version,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
