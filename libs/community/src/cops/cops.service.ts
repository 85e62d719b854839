import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, CommonErrors, type Page, isUuid } from '@lumbung/platform';
import {
  CopLeadRoles,
  type CopMembershipSource,
  OpdsService,
  type Principal,
  UserDirectory,
} from '@lumbung/identity';
import { CommunityErrors } from '../community.errors';
import { administersCop, managesMembers } from './cop.policy';
import type { CopRow } from './cop-row';
import type { CreateCopDto } from './dto/create-cop.dto';
import type { ListCopsQueryDto } from './dto/list-cops-query.dto';
import type { UpdateCopDto } from './dto/update-cop.dto';

const SELECT_COP = `
  SELECT c.id, c.name, c.theme, c.opd_id AS "opdId", o.code AS "opdCode", c.description, c.status,
         c.sk_reference AS "skReference", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
         ARRAY(SELECT r.user_id FROM identity_role_grants r WHERE r.role = 'cop_lead' AND r.cop_id = c.id ORDER BY r.granted_at) AS "leadIds",
         (SELECT count(*)::int FROM cop_memberships m WHERE m.cop_id = c.id AND m.left_at IS NULL) AS "memberCount"
    FROM cops c JOIN identity_opds o ON o.id = c.opd_id`;

export interface MemberRow {
  userId: string;
  name: string;
  opdCode: string;
  joinedAt: Date;
  leftAt: Date | null;
  isLead: boolean;
}

/** A lead of a CoP as its page shows them. */
export interface LeadRow {
  userId: string;
  name: string;
  opdCode: string;
}

/** Communities of practice: directory, leads and membership (with its history). */
@Injectable()
export class CopsService implements CopMembershipSource {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly users: UserDirectory,
    private readonly leadRoles: CopLeadRoles,
    private readonly audit: AuditService,
  ) {}

  /** Read service for identity: the CoPs a user belongs to now (also as SQL, see the loader). */
  readonly activeCopIdsSql =
    'ARRAY(SELECT m.cop_id FROM cop_memberships m WHERE m.user_id = $1 AND m.left_at IS NULL)';

  async activeCopIds(userId: string): Promise<string[]> {
    const rows = await this.ds.query<{ copId: string }[]>(
      `SELECT cop_id AS "copId" FROM cop_memberships WHERE user_id = $1 AND left_at IS NULL`,
      [userId],
    );
    return rows.map((r) => r.copId);
  }

  async get(m: EntityManager = this.ds.manager, id: string): Promise<CopRow> {
    const [cop] = isUuid(id) ? await m.query<CopRow[]>(`${SELECT_COP} WHERE c.id = $1`, [id]) : [];
    if (!cop) throw CommonErrors.notFound();
    return cop;
  }

  /** The directory; with `mine`, only the CoPs the caller belongs to now or leads. */
  async list(p: Principal, q: ListCopsQueryDto): Promise<Page<CopRow>> {
    const where = `WHERE ($1::text IS NULL OR o.code = $1) AND ($2::text IS NULL OR c.status = $2)
                     AND ($3::text IS NULL OR c.name ILIKE $3 OR c.theme ILIKE $3)
                     AND ($4::uuid[] IS NULL OR c.id = ANY($4::uuid[]))
                     AND ($5::text IS NULL OR lower(c.theme) = lower($5))`;
    const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [
      q.opd ?? null,
      q.status ?? null,
      like,
      q.mine ? p.copIds : null,
      q.theme ?? null,
    ];
    const [{ n }] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM cops c JOIN identity_opds o ON o.id = c.opd_id ${where}`,
      params,
    );
    const items = await this.ds.query<CopRow[]>(
      `${SELECT_COP} ${where} ORDER BY o.code, c.name, c.id LIMIT $6 OFFSET $7`,
      [...params, q.limit, (q.page - 1) * q.limit],
    );
    return { items, total: n, page: q.page, limit: q.limit };
  }

  /** Every theme in the directory, for its filter. */
  async themes(): Promise<string[]> {
    const rows = await this.ds.query<{ theme: string }[]>(
      `SELECT DISTINCT ON (lower(theme)) theme FROM cops ORDER BY lower(theme), theme`,
    );
    return rows.map((r) => r.theme);
  }

  /** The leads with their names and OPD, and the host OPD's name (the CoP page). */
  async people(cop: CopRow): Promise<{ opdName: string; leads: LeadRow[] }> {
    const [{ name }] = await this.ds.query<{ name: string }[]>(
      `SELECT name FROM identity_opds WHERE id = $1`,
      [cop.opdId],
    );
    const leads = await this.ds.query<LeadRow[]>(
      `SELECT u.id AS "userId", u.name, o.code AS "opdCode"
         FROM unnest($1::uuid[]) WITH ORDINALITY AS l(id, n) JOIN identity_people u ON u.id = l.id JOIN identity_opds o ON o.id = u.opd_id
        ORDER BY l.n`,
      [cop.leadIds],
    );
    return { opdName: name, leads };
  }

  async create(p: Principal, dto: CreateCopDto): Promise<CopRow> {
    const opdId = dto.opdCode
      ? (await this.opds.idsByCode([dto.opdCode])).get(dto.opdCode)
      : p.opdId;
    if (!opdId) throw CommonErrors.validation([{ field: 'opdCode', problems: ['unknown_opd'] }]);
    if (!administersCop(p, { opdId })) throw CommonErrors.forbidden();
    await this.assertActive(dto.leadIds ?? [], 'leadIds');
    const id = await this.ds.transaction(async (tx) => {
      const [dup] = await tx.query<unknown[]>(
        `SELECT 1 FROM cops WHERE opd_id = $1 AND lower(name) = lower($2)`,
        [opdId, dto.name],
      );
      if (dup) throw CommunityErrors.duplicateCop();
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO cops (name, theme, opd_id, description, sk_reference, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [dto.name, dto.theme, opdId, dto.description ?? '', dto.skReference ?? null, p.userId],
      );
      await this.setLeads(tx, row.id, dto.leadIds ?? [], p.userId);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'cop_created',
        targetType: 'cop',
        targetId: row.id,
      });
      return row.id;
    });
    return this.get(undefined, id);
  }

  async update(p: Principal, id: string, dto: UpdateCopDto): Promise<CopRow> {
    const cop = await this.get(undefined, id);
    if (!administersCop(p, cop)) throw CommonErrors.forbidden();
    if (dto.leadIds) await this.assertActive(dto.leadIds, 'leadIds');
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `UPDATE cops SET name = COALESCE($2, name), theme = COALESCE($3, theme),
                description = COALESCE($4, description), status = COALESCE($5, status),
                sk_reference = CASE WHEN $6::boolean THEN $7 ELSE sk_reference END, updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.name ?? null,
          dto.theme ?? null,
          dto.description ?? null,
          dto.status ?? null,
          dto.skReference !== undefined,
          dto.skReference ?? null,
        ],
      );
      if (dto.leadIds) await this.setLeads(tx, id, dto.leadIds, p.userId);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: dto.leadIds ? 'privilege_permissions_changed' : 'cop_updated',
        targetType: 'cop',
        targetId: id,
      });
    });
    return this.get(undefined, id);
  }

  async members(id: string, history: boolean): Promise<MemberRow[]> {
    await this.get(undefined, id);
    return this.ds.query<MemberRow[]>(
      `SELECT m.user_id AS "userId", u.name, o.code AS "opdCode", m.joined_at AS "joinedAt",
              m.left_at AS "leftAt",
              EXISTS (SELECT 1 FROM identity_role_grants r WHERE r.user_id = m.user_id AND r.role = 'cop_lead' AND r.cop_id = m.cop_id) AS "isLead"
         FROM cop_memberships m JOIN identity_people u ON u.id = m.user_id JOIN identity_opds o ON o.id = u.opd_id
        WHERE m.cop_id = $1 AND ($2 OR m.left_at IS NULL)
        ORDER BY u.name, m.joined_at`,
      [id, history],
    );
  }

  async addMembers(p: Principal, id: string, userIds: string[]): Promise<number> {
    const cop = await this.get(undefined, id);
    if (!managesMembers(p, cop)) throw CommonErrors.forbidden();
    await this.assertActive(userIds, 'userIds');
    return this.ds.transaction(async (tx) => {
      const added = await this.join(tx, id, userIds, p.userId);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'cop_members_added',
        targetType: 'cop',
        targetId: id,
        details: { userIds },
      });
      return added;
    });
  }

  /** Ends a membership (kept in history); a lead who leaves stops leading. */
  async removeMember(p: Principal, id: string, userId: string): Promise<void> {
    const cop = await this.get(undefined, id);
    if (!managesMembers(p, cop)) throw CommonErrors.forbidden();
    await this.ds.transaction(async (tx) => {
      const ended = await tx.query<{ id: string }[]>(
        `WITH e AS (UPDATE cop_memberships SET left_at = now(), removed_by = $3
                     WHERE cop_id = $1 AND user_id = $2::uuid AND left_at IS NULL RETURNING id)
         SELECT id FROM e`,
        [id, isUuid(userId) ? userId : null, p.userId],
      );
      if (ended.length === 0) throw CommonErrors.notFound();
      await this.leadRoles.revoke(tx, id, userId);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'cop_member_removed',
        targetType: 'cop',
        targetId: id,
        details: { userId },
      });
    });
  }

  /** Leads are the cop_lead role scoped to this CoP; every lead is also a member. */
  private async setLeads(
    tx: EntityManager,
    copId: string,
    leadIds: string[],
    actorId: string,
  ): Promise<void> {
    await this.leadRoles.replace(tx, copId, leadIds, actorId);
    await this.join(tx, copId, leadIds, actorId);
  }

  /** Memberships from now for those not already members; how many were added. */
  async join(
    tx: EntityManager,
    copId: string,
    userIds: string[],
    actorId: string,
  ): Promise<number> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO cop_memberships (cop_id, user_id, added_by)
       SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u
        WHERE NOT EXISTS (SELECT 1 FROM cop_memberships m WHERE m.cop_id = $1 AND m.user_id = u AND m.left_at IS NULL)
       RETURNING id`,
      [copId, [...new Set(userIds)], actorId],
    );
    return rows.length;
  }

  private async assertActive(ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.users.byIds(ids);
    const unknown = ids.filter((id) => !found.get(id)?.active);
    if (unknown.length > 0) throw CommunityErrors.unknownUsers(field, unknown);
  }
}
