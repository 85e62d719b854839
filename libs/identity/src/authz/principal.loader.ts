import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@lumbung/platform';
import { isRole } from './permissions';
import { Principal, RoleGrant } from './principal';

interface Row {
  opdId: string;
  grants: { role: string; opdId: string | null; copId: string | null }[];
  copIds?: string[];
}

/** Provided by the community context: the CoPs a user belongs to now. */
export const COP_MEMBERSHIP_SOURCE = Symbol('COP_MEMBERSHIP_SOURCE');
export interface CopMembershipSource {
  activeCopIds(userId: string): Promise<string[]>;
  /**
   * The same as one SQL expression of type uuid[] over `$1` (the user id), so the principal
   * loads in a single round trip on every request.
   */
  readonly activeCopIdsSql?: string;
}

/**
 * Loads the caller from the database on every request, so deactivation, revoked sessions and
 * role changes take effect on the very next request.
 */
@Injectable()
export class PrincipalLoader {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(COP_MEMBERSHIP_SOURCE) private readonly memberships?: CopMembershipSource,
  ) {}

  async load(userId: string, sessionId: string): Promise<Principal | undefined> {
    // One round trip per request: roles and (when the source offers SQL) memberships together.
    const inline = this.memberships?.activeCopIdsSql;
    const [rows, copIds] = await Promise.all([
      preparedQuery<Row>(
        this.ds,
        `SELECT u.opd_id AS "opdId",
              COALESCE(json_agg(json_build_object('role', r.role, 'opdId', r.opd_id, 'copId', r.cop_id))
                       FILTER (WHERE r.id IS NOT NULL), '[]') AS grants
              ${inline ? `, ${inline} AS "copIds"` : ''}
         FROM users u
         JOIN auth_sessions s ON s.user_id = u.id AND s.id = $2
                             AND s.revoked_at IS NULL AND s.expires_at > now()
         LEFT JOIN user_roles r ON r.user_id = u.id
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
        [userId, sessionId],
      ),
      inline || !this.memberships ? undefined : this.memberships.activeCopIds(userId),
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const grants: RoleGrant[] = row.grants
      .filter((g) => isRole(g.role))
      .map((g) => ({
        role: g.role as RoleGrant['role'],
        ...(g.opdId ? { opdId: g.opdId } : {}),
        ...(g.copId ? { copId: g.copId } : {}),
      }));
    return new Principal(userId, sessionId, row.opdId, grants, copIds ?? row.copIds ?? []);
  }
}
