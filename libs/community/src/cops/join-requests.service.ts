import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors, isUuid } from '@lumbung/platform';
import { type Principal, UserDirectory } from '@lumbung/identity';
import { CommunityErrors } from '../community.errors';
import { managesMembers } from './cop.policy';
import { CopsService } from './cops.service';

export interface JoinRequestRow {
  id: string;
  copId: string;
  userId: string;
  name: string;
  nip: string;
  opdCode: string;
  status: string;
  requestedAt: Date;
  decidedAt: Date | null;
}

type RequestOnly = Omit<JoinRequestRow, 'name' | 'nip' | 'opdCode'>;

const SELECT_REQUEST = `
  SELECT r.id, r.cop_id AS "copId", r.user_id AS "userId", r.status, r.requested_at AS "requestedAt",
         r.decided_at AS "decidedAt"
    FROM cop_join_requests r`;

/**
 * "Minta bergabung": any contributor asks to join a CoP; its leads and the host OPD's admins (the
 * people who manage its members) see the open requests and accept (a membership from that day)
 * or decline them.
 */
@Injectable()
export class JoinRequestsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cops: CopsService,
    private readonly users: UserDirectory,
    private readonly audit: AuditService,
  ) {}

  /** The caller's open request (asking twice gives the same request). */
  async request(p: Principal, copId: string): Promise<JoinRequestRow> {
    const cop = await this.cops.get(undefined, copId);
    if (p.copIds.includes(cop.id)) throw CommunityErrors.alreadyMember();
    const id = await this.ds.transaction(async (tx) => {
      const [open] = await tx.query<{ id: string }[]>(
        `SELECT id FROM cop_join_requests WHERE cop_id = $1 AND user_id = $2 AND status = 'pending'`,
        [cop.id, p.userId],
      );
      if (open) return open.id;
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO cop_join_requests (cop_id, user_id) VALUES ($1, $2)
         ON CONFLICT (cop_id, user_id) WHERE status = 'pending' DO UPDATE SET status = 'pending'
         RETURNING id`,
        [cop.id, p.userId],
      );
      await this.audit.record(tx, {
        actorId: p.userId,
        action: 'cop_join_requested',
        targetType: 'cop',
        targetId: cop.id,
      });
      return row.id;
    });
    return this.one(id);
  }

  /** Whether the caller waits for an answer on this CoP. */
  async isPending(userId: string, copId: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(
      `SELECT 1 FROM cop_join_requests WHERE cop_id = $1 AND user_id = $2 AND status = 'pending'`,
      [copId, userId],
    );
    return rows.length > 0;
  }

  /** Open requests, oldest first (leads, host OPD admins, admins). */
  async pending(p: Principal, copId: string): Promise<JoinRequestRow[]> {
    await this.managed(p, copId);
    return this.withPeople(
      await this.ds.query<RequestOnly[]>(
        `${SELECT_REQUEST} WHERE r.cop_id = $1 AND r.status = 'pending' ORDER BY r.requested_at, r.id`,
        [copId],
      ),
    );
  }

  async decide(
    p: Principal,
    copId: string,
    requestId: string,
    accept: boolean,
  ): Promise<JoinRequestRow> {
    await this.managed(p, copId);
    await this.ds.transaction(async (tx) => {
      const [req] = isUuid(requestId)
        ? await tx.query<{ userId: string; status: string; active: boolean }[]>(
            `SELECT r.user_id AS "userId", r.status, u.active FROM cop_join_requests r JOIN identity_people u ON u.id = r.user_id
              WHERE r.id = $1 AND r.cop_id = $2 FOR UPDATE OF r`,
            [requestId, copId],
          )
        : [];
      if (!req) throw CommonErrors.notFound();
      if (req.status !== 'pending') throw CommunityErrors.joinRequestDecided(req.status);
      if (accept && !req.active) throw CommunityErrors.unknownUsers('userId', [req.userId]);
      await tx.query(
        `UPDATE cop_join_requests SET status = $2, decided_at = now(), decided_by = $3 WHERE id = $1`,
        [requestId, accept ? 'accepted' : 'declined', p.userId],
      );
      if (accept) await this.cops.join(tx, copId, [req.userId], p.userId);
      await this.audit.record(tx, {
        actorId: p.userId,
        action: accept ? 'cop_join_accepted' : 'cop_join_declined',
        targetType: 'cop',
        targetId: copId,
        details: { userId: req.userId, requestId },
      });
    });
    return this.one(requestId);
  }

  /** Who manages members: leads, host OPD admins, admins (the directory is open: others 403). */
  private async managed(p: Principal, copId: string): Promise<void> {
    const cop = await this.cops.get(undefined, copId);
    if (!managesMembers(p, cop)) throw CommonErrors.forbidden();
  }

  private async one(id: string): Promise<JoinRequestRow> {
    const rows = await this.ds.query<RequestOnly[]>(`${SELECT_REQUEST} WHERE r.id = $1`, [id]);
    const [row] = await this.withPeople(rows);
    return row;
  }

  /** Who asked: name, NIP and OPD from identity's directory, for every request in one query. */
  private async withPeople(rows: RequestOnly[]): Promise<JoinRequestRow[]> {
    const people = await this.users.peopleByIds(rows.map((r) => r.userId));
    return rows.map((r) => {
      const person = people.get(r.userId);
      return {
        ...r,
        name: person?.name ?? '',
        nip: person?.nip ?? '',
        opdCode: person?.opdCode ?? '',
      };
    });
  }
}
