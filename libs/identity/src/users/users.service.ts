import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditService,
  CommonErrors,
  JobsService,
  type Page,
  isUuid,
  QUEUES,
} from '@lumbung/platform';
import { hashPassword, passwordProblem } from '../auth/password';
import { AuthErrors } from '../auth/auth.errors';
import { revokeOpenResets } from '../auth/open-resets';
import { endSessions } from '../auth/sessions';
import type { Principal } from '../authz/principal';
import { OpdsService } from '../opds/opds.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { PlannedDepartureDto } from './dto/planned-departure.dto';
import type { ListUsersQueryDto } from './dto/list-users-query.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { isNipInfo, parseNip } from './nip';
import {
  administeredOpds,
  administers,
  forbiddenRole,
  grantsFor,
  mayHandCredentials,
  mayManage,
} from './user-admin.policy';
import { UserEntity } from './user.entity';
import { UserErrors } from './users.errors';

/** A planned departure as the user row's columns (null clears them). */
function plannedDepartureColumns(
  planned: PlannedDepartureDto | null,
): Pick<UserEntity, 'plannedDepartureOn' | 'plannedDepartureReason' | 'plannedDepartureNote'> {
  return {
    plannedDepartureOn: planned?.date ?? null,
    plannedDepartureReason: planned?.reason ?? null,
    plannedDepartureNote: planned?.note ?? null,
  };
}

/**
 * Who may change what: the caller must manage the account; only a first password, set by one
 * who may hand out credentials (a working one belongs to its user: reset instead); and no one
 * deactivates themselves or changes their own roles or OPD.
 */
function assertMayUpdate(actor: Principal, current: UserRow, dto: UpdateUserDto): void {
  if (!mayManage(actor, current.grants)) throw CommonErrors.forbidden();
  if (dto.password !== undefined && current.hasPassword) throw UserErrors.passwordAlreadySet();
  if (dto.password !== undefined && !mayHandCredentials(actor, current.grants)) {
    throw UserErrors.credentialsAdminOnly();
  }
  const self = current.id === actor.userId;
  if (self && (dto.active === false || dto.roles !== undefined || dto.opdCode !== undefined)) {
    throw UserErrors.cannotChangeSelf();
  }
}

/** The user row's columns an update writes: the fields sent, and always email and OPD. */
function updatedColumns(dto: UpdateUserDto, email: string, opdId: string): Partial<UserEntity> {
  return {
    ...(dto.name !== undefined ? { name: dto.name } : {}),
    email,
    opdId,
    ...(dto.jabatan !== undefined ? { jabatan: dto.jabatan } : {}),
    ...(dto.jabatanKategori !== undefined ? { jabatanKategori: dto.jabatanKategori } : {}),
    ...(dto.active !== undefined ? { active: dto.active } : {}),
    ...(dto.plannedDeparture !== undefined ? plannedDepartureColumns(dto.plannedDeparture) : {}),
  };
}
import { UserRow, UsersRepository } from './users.repository';

/** User administration: system admins for every OPD, OPD admins for their own OPD only. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly opds: OpdsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  async list(actor: Principal, query: ListUsersQueryDto): Promise<Page<UserRow>> {
    const [items, total] = await this.users.findPage(
      {
        opdIds: administeredOpds(actor),
        opdCode: query.opd,
        q: query.q,
        role: query.role,
        active: query.active,
      },
      query.page,
      query.limit,
    );
    return { items, total, page: query.page, limit: query.limit };
  }

  /** A user outside the actor's OPDs answers exactly like a missing one. */
  async get(actor: Principal, id: string): Promise<UserRow> {
    const user = isUuid(id) ? await this.users.findById(undefined, id) : undefined;
    if (!user || !administers(actor, user.opdId)) throw CommonErrors.notFound();
    return user;
  }

  async create(actor: Principal, dto: CreateUserDto): Promise<UserRow> {
    const nip = parseNip(dto.nip);
    if (!isNipInfo(nip)) throw UserErrors.invalidNip(nip);
    const opdId = await this.opdIdOf(dto.opdCode);
    if (!administers(actor, opdId)) throw CommonErrors.forbidden();
    const roles = dto.roles ?? ['asn'];
    const bad = forbiddenRole(actor, roles, opdId);
    if (bad) throw UserErrors.roleNotAllowed(bad);
    if (dto.password) {
      const problem = passwordProblem(dto.password, { nip: dto.nip, email: dto.email });
      if (problem) throw AuthErrors.weakPassword(problem, 'password');
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    const id = await this.ds.transaction(async (tx) => {
      await this.assertUnique(tx, dto.nip, dto.email);
      const saved = await tx.getRepository(UserEntity).save({
        nip: nip.nip,
        name: dto.name,
        email: dto.email,
        opdId,
        jabatan: dto.jabatan,
        jabatanKategori: dto.jabatanKategori,
        birthDate: nip.birthDate,
        sex: nip.sex,
        ...plannedDepartureColumns(dto.plannedDeparture ?? null),
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
      });
      await this.users.replaceGrants(
        tx,
        [saved.id],
        new Map([[saved.id, grantsFor(roles, opdId)]]),
        actor.userId,
      );
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'user_created',
        targetType: 'user',
        targetId: saved.id,
        details: { opdCode: dto.opdCode, roles },
      });
      return saved.id;
    });
    return (await this.users.findById(undefined, id)) as UserRow;
  }

  async update(actor: Principal, id: string, dto: UpdateUserDto): Promise<UserRow> {
    const current = await this.get(actor, id);
    assertMayUpdate(actor, current, dto);
    const opdId = dto.opdCode ? await this.opdIdOf(dto.opdCode) : current.opdId;
    if (!administers(actor, opdId)) throw CommonErrors.forbidden();
    const roles =
      dto.roles ?? (opdId !== current.opdId ? current.grants.map((g) => g.role) : undefined);
    if (roles) {
      const bad = forbiddenRole(
        actor,
        roles.filter((r) => r !== 'cop_lead'),
        opdId,
      );
      if (bad) throw UserErrors.roleNotAllowed(bad);
    }
    const email = dto.email ?? current.email;
    if (dto.password) {
      const problem = passwordProblem(dto.password, { nip: current.nip, email });
      if (problem) throw AuthErrors.weakPassword(problem, 'password');
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    await this.ds.transaction(async (tx) => {
      if (dto.email && dto.email !== current.email)
        await this.assertUnique(tx, undefined, email, id);
      await tx.getRepository(UserEntity).update(id, updatedColumns(dto, email, opdId));
      if (passwordHash) await this.setFirstPassword(tx, id, passwordHash);
      if (roles) {
        const grants = grantsFor(roles, opdId);
        await this.users.replaceGrants(tx, [id], new Map([[id, grants]]), actor.userId);
      }
      if (dto.active === false || passwordHash) await endSessions(tx, id, 'account_changed');
      // Names are shown and searched with the assets a user wrote: let other contexts follow.
      if (dto.name !== undefined && dto.name !== current.name) {
        await this.jobs.enqueue(tx, QUEUES.userRenamed, { userId: id });
      }
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: roles ? 'privilege_permissions_changed' : 'user_updated',
        targetType: 'user',
        targetId: id,
        details: { fields: Object.keys(dto).filter((k) => k !== 'password'), roles },
      });
    });
    return (await this.users.findById(undefined, id)) as UserRow;
  }

  /** Removes a planned departure (the edge takes no JSON null, so PATCH cannot send one). */
  async clearPlannedDeparture(actor: Principal, id: string): Promise<UserRow> {
    const current = await this.get(actor, id);
    if (!mayManage(actor, current.grants)) throw CommonErrors.forbidden();
    await this.ds.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update(id, plannedDepartureColumns(null));
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'user_updated',
        targetType: 'user',
        targetId: id,
        details: { fields: ['plannedDeparture'] },
      });
    });
    return (await this.users.findById(undefined, id)) as UserRow;
  }

  private async opdIdOf(code: string): Promise<string> {
    const id = (await this.opds.idsByCode([code])).get(code.toUpperCase());
    if (!id) throw UserErrors.unknownOpd();
    return id;
  }

  private async assertUnique(
    tx: EntityManager,
    nip: string | undefined,
    email: string,
    exceptId?: string,
  ): Promise<void> {
    const rows: { nip: string; email: string }[] = await tx.query(
      `SELECT nip, email FROM users WHERE (nip = $1 OR email = $2) AND id IS DISTINCT FROM $3::uuid`,
      [nip ?? null, email, exceptId ?? null],
    );
    if (nip && rows.some((r) => r.nip === nip)) throw UserErrors.nipTaken();
    if (rows.some((r) => r.email === email)) throw UserErrors.emailTaken();
  }

  /** Only while the account has none: of two admins setting it at once, the second is refused. */
  private async setFirstPassword(tx: EntityManager, id: string, hash: string): Promise<void> {
    const [{ set }] = await tx.query<{ set: number }[]>(
      `WITH s AS (
         UPDATE users SET password_hash = $2, password_changed_at = now()
          WHERE id = $1 AND password_hash IS NULL RETURNING 1)
       SELECT count(*)::int AS set FROM s`,
      [id, hash],
    );
    if (set === 0) throw UserErrors.passwordAlreadySet();
    await revokeOpenResets(tx, id);
  }
}
