import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import type { Principal } from '../authz/principal';
import type { PasswordResetStartedDto } from '../users/dto/password-reset-started.dto';
import { mayHandCredentials, mayManage } from '../users/user-admin.policy';
import { UserErrors } from '../users/users.errors';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';
import type { ClientInfo } from './client-info';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, passwordProblem } from './password';
import { revokeOpenResets } from './open-resets';
import { formatResetCode, newResetCode, normalizeResetCode } from './reset-code';
import { endSessions } from './sessions';
import { TokenService } from './token.service';

/** How long a reset code works: a day reaches the user by hand, and a lost code soon goes stale. */
export const PASSWORD_RESET_TTL_SECONDS = 24 * 3600;

/** An open reset code and the account it resets (nip and email for the password policy). */
interface OpenReset {
  id: string;
  userId: string;
  nip: string;
  email: string;
}

/**
 * Password resets: admins never set a password on an account that has one; they start a reset
 * and the user completes it with a one-time code. Both steps end every session of the account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts a reset of a user the actor administers (others answer like missing users). Earlier
   * codes stop working; the working password stays until the user completes the reset. The code
   * is returned once, to the admin, until email delivery exists.
   */
  async start(
    actor: Principal,
    userId: string,
    client: ClientInfo,
  ): Promise<PasswordResetStartedDto> {
    const user = await this.users.get(actor, userId);
    if (!mayManage(actor, user.grants)) throw CommonErrors.forbidden();
    if (!mayHandCredentials(actor, user.grants)) throw UserErrors.credentialsAdminOnly();
    const code = newResetCode();
    const expiresAt = await this.ds.transaction(async (tx) => {
      await revokeOpenResets(tx, user.id);
      const [row] = await tx.query<{ id: string; expiresAt: Date }[]>(
        `INSERT INTO password_resets (user_id, token_hash, created_by, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         RETURNING id, expires_at AS "expiresAt"`,
        [user.id, TokenService.hash(code), actor.userId, PASSWORD_RESET_TTL_SECONDS],
      );
      await endSessions(tx, user.id, 'password_reset');
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'authn_password_reset_start',
        targetType: 'user',
        targetId: user.id,
        details: { resetId: row.id, expiresAt: row.expiresAt.toISOString() },
        ip: client.ip,
        requestId: client.requestId,
      });
      return row.expiresAt;
    });
    return { userId: user.id, token: formatResetCode(code), expiresAt: expiresAt.toISOString() };
  }

  /**
   * Sets the new password (the policy of a password change) if the code is open, unexpired and
   * of an active account; the code is used up, every session ends. Wrong codes count as failed
   * sign-ins of the address.
   */
  async complete(token: string, newPassword: string, client: ClientInfo): Promise<void> {
    await this.throttle.assertAddressAllowed(client.ip);
    const code = normalizeResetCode(token);
    const reset = code ? await this.findOpen(TokenService.hash(code)) : undefined;
    if (!reset) {
      await this.throttle.recordAddressFailure(client.ip);
      throw AuthErrors.passwordResetInvalid();
    }
    const problem = passwordProblem(newPassword, reset);
    if (problem) throw AuthErrors.weakPassword(problem);
    const passwordHash = await hashPassword(newPassword);
    await this.ds.transaction(async (tx) => {
      // Claims the code: of two completions at once, one wins.
      const [{ claimed }] = await tx.query<{ claimed: number }[]>(
        `WITH used AS (
           UPDATE password_resets SET used_at = now()
            WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING 1)
         SELECT count(*)::int AS claimed FROM used`,
        [reset.id],
      );
      if (claimed === 0) throw AuthErrors.passwordResetInvalid();
      await tx.update(UserEntity, reset.userId, { passwordHash, passwordChangedAt: new Date() });
      await revokeOpenResets(tx, reset.userId);
      await endSessions(tx, reset.userId, 'password_reset');
      await this.audit.record(tx, {
        actorId: reset.userId,
        action: 'authn_password_reset_complete',
        targetType: 'user',
        targetId: reset.userId,
        details: { resetId: reset.id },
        ip: client.ip,
        requestId: client.requestId,
      });
    });
  }

  private async findOpen(tokenHash: string): Promise<OpenReset | undefined> {
    const [row] = await this.ds.query<OpenReset[]>(
      `SELECT r.id, r.user_id AS "userId", u.nip, u.email
         FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL
          AND r.expires_at > now() AND u.active AND NOT u.service_account`,
      [tokenHash],
    );
    return row;
  }
}
