import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RoleGrant } from '../authz/principal';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export interface UserRow extends UserEntity {
  opdCode: string;
  hasPassword: boolean;
  grants: { role: RoleGrant['role']; opdCode?: string; copId?: string }[];
}

export interface UserFilter {
  opdIds?: string[];
  opdCode?: string;
  q?: string;
  role?: string;
  active?: boolean;
}

/** Intent-named queries over users and their role grants. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private base(m: EntityManager) {
    return m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin('opds', 'o', 'o.id = u.opd_id')
      .addSelect('o.code', 'opd_code')
      .addSelect('u.password_hash IS NOT NULL', 'has_password')
      .addSelect(
        `(SELECT COALESCE(json_agg(json_build_object('role', r.role, 'opdCode', ro.code, 'copId', r.cop_id)
                   ORDER BY r.role, ro.code), '[]')
            FROM user_roles r LEFT JOIN opds ro ON ro.id = r.opd_id WHERE r.user_id = u.id)`,
        'grants',
      );
  }

  private async rows(qb: ReturnType<UsersRepository['base']>): Promise<UserRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<{
      opd_code: string;
      has_password: boolean;
      grants: { role: RoleGrant['role']; opdCode: string | null; copId: string | null }[];
    }>();
    return entities.map((e, i) => {
      const r = raw[i];
      return Object.assign(e, {
        opdCode: r.opd_code,
        hasPassword: r.has_password,
        grants: r.grants.map((g) => ({
          role: g.role,
          ...(g.opdCode ? { opdCode: g.opdCode } : {}),
          ...(g.copId ? { copId: g.copId } : {}),
        })),
      });
    });
  }

  async findById(m: EntityManager = this.ds.manager, id: string): Promise<UserRow | undefined> {
    const [row] = await this.rows(this.base(m).where('u.id = :id', { id }));
    return row;
  }

  async findPage(filter: UserFilter, page: number, limit: number): Promise<[UserRow[], number]> {
    const qb = this.base(this.ds.manager);
    if (filter.opdIds) qb.andWhere('u.opd_id = ANY(:opdIds)', { opdIds: filter.opdIds });
    if (filter.opdCode) qb.andWhere('o.code = :code', { code: filter.opdCode });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.role) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM user_roles fr WHERE fr.user_id = u.id AND fr.role = :role)',
        {
          role: filter.role,
        },
      );
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.name ILIKE :like OR u.email ILIKE :like OR u.nip LIKE :prefix)', {
        like,
        prefix: `${filter.q.replace(/\D/g, '') || '-'}%`,
      });
    }
    const total = await qb.getCount();
    const rows = await this.rows(
      qb
        .orderBy('u.name', 'ASC')
        .addOrderBy('u.id', 'ASC')
        .offset((page - 1) * limit)
        .limit(limit),
    );
    return [rows, total];
  }

  /** Grants held by the user, by role name (for rank checks). */
  async grantsOf(m: EntityManager = this.ds.manager, userId: string): Promise<UserRoleEntity[]> {
    return m.getRepository(UserRoleEntity).findBy({ userId });
  }

  /** Replaces every grant except CoP leads (owned by the CoP module) with the given ones. */
  async replaceGrants(
    m: EntityManager,
    userIds: string[],
    grantsByUser: Map<string, RoleGrant[]>,
    grantedBy: string | null,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await m.query(`DELETE FROM user_roles WHERE user_id = ANY($1) AND role <> 'cop_lead'`, [
      userIds,
    ]);
    const rows = userIds.flatMap((userId) =>
      (grantsByUser.get(userId) ?? []).map((g) => ({
        userId,
        role: g.role,
        opdId: g.opdId ?? null,
        copId: g.copId ?? null,
        grantedBy,
      })),
    );
    for (let i = 0; i < rows.length; i += 2000) {
      await m.getRepository(UserRoleEntity).insert(rows.slice(i, i + 2000));
    }
  }
}
