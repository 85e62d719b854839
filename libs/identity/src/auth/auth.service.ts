import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AuditService, isUuid } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';
import { Principal } from '../authz/principal';
import { PrincipalLoader } from '../authz/principal.loader';
import { UserEntity } from '../users/user.entity';
import { SessionUserService } from '../users/session-user.service';
import { AuthErrors } from './auth.errors';
import type { ClientInfo } from './client-info';
import type { LoginResponseDto } from './dto/login-response.dto';
import type { SessionUserDto } from './dto/session-user.dto';
import { loginAccount, LoginThrottleService, normalizeLogin } from './login-throttle.service';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { revokeOpenResets } from './open-resets';
import { SessionEntity, type SessionMethod } from './session.entity';
import { endSessions } from './sessions';
import { TokenService } from './token.service';

/** How long a just-replaced refresh token still works (concurrent refreshes from two tabs). */
export const REFRESH_GRACE_MS = 10_000;

export interface IssuedSession {
  response: LoginResponseDto;
  /** `<sessionId>.<secret>`, sent only as an HttpOnly cookie. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Login, refresh-token rotation, logout and password change. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly principals: PrincipalLoader,
    private readonly sessionUsers: SessionUserService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    if (!this.config.sso.localLogin) throw AuthErrors.localLoginDisabled();
    const user = await this.findLoginUser(username);
    // Failures count against the account, whichever of its identifiers is typed.
    const account = loginAccount(user?.id, username);
    await this.throttle.assertAllowed(account, client.ip);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active || user.serviceAccount) {
      await this.throttle.recordFailure(account, client.ip);
      await this.audit.record(undefined, {
        actorId: user?.id ?? null,
        action: 'authn_login_fail',
        ip: client.ip,
        requestId: client.requestId,
        details: { reason: !user ? 'unknown_user' : !ok ? 'bad_password' : 'inactive' },
      });
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(account, client.ip);
    const issued = await this.openSession(user.id, client);
    await this.audit.record(undefined, {
      actorId: user.id,
      action: 'authn_login_success',
      ip: client.ip,
      requestId: client.requestId,
    });
    return issued;
  }

  /** Rotates the refresh token; a reused (already rotated) token revokes the whole session. */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    const [sessionId, secret] = (refreshToken ?? '').split('.');
    if (!sessionId || !secret || !isUuid(sessionId)) {
      throw AuthErrors.sessionExpired();
    }
    // The revocation on reuse must commit, so the transaction returns instead of throwing.
    const outcome = await this.ds.transaction(async (tx) => {
      const session = await tx.findOne(SessionEntity, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) return undefined;
      const presented = TokenService.hash(secret);
      // Two tabs of one browser may refresh at the same moment with the same cookie: the token
      // just replaced stays good for a few seconds and yields the same successor again, so both
      // tabs carry on with one cookie. Any older replay means it leaked.
      const justRotated =
        presented === session.previousRefreshHash &&
        !!session.rotatedAt &&
        Date.now() - session.rotatedAt.getTime() < REFRESH_GRACE_MS;
      if (session.refreshHash !== presented && !justRotated) {
        await tx.update(SessionEntity, session.id, {
          revokedAt: new Date(),
          revokeReason: 'refresh_reuse',
        });
        await this.audit.record(tx, {
          actorId: session.userId,
          action: 'session_refresh_reuse',
          ip: client.ip,
        });
        return undefined;
      }
      const next = this.tokens.successorOf(session.id, secret);
      await tx.update(
        SessionEntity,
        session.id,
        justRotated
          ? { lastUsedAt: new Date() }
          : {
              refreshHash: next.hash,
              previousRefreshHash: presented,
              rotatedAt: new Date(),
              lastUsedAt: new Date(),
            },
      );
      return { session, secret: next.secret };
    });
    const principal =
      outcome && (await this.principals.load(outcome.session.userId, outcome.session.id));
    if (!outcome || !principal) throw AuthErrors.sessionExpired();
    return {
      response: await this.response(principal),
      refreshToken: `${outcome.session.id}.${outcome.secret}`,
      refreshExpiresAt: outcome.session.expiresAt,
    };
  }

  /**
   * Ends this session. For a single sign-on session, returns the provider's ID token (the hint
   * its logout needs); `null` for a password session.
   */
  async logout(principal: Principal): Promise<{ method: SessionMethod; idToken: string | null }> {
    const ended = await this.ds.transaction(async (tx) => {
      await tx.update(SessionEntity, principal.sessionId, {
        revokedAt: new Date(),
        revokeReason: 'logout',
      });
      await this.audit.record(tx, { actorId: principal.userId, action: 'authn_logout' });
      return tx
        .getRepository(SessionEntity)
        .createQueryBuilder('s')
        .select(['s.id', 's.method'])
        .addSelect('s.oidcIdToken')
        .where('s.id = :id', { id: principal.sessionId })
        .getOne();
    });
    return { method: ended?.method ?? 'password', idToken: ended?.oidcIdToken ?? null };
  }

  /** Changes the password, ends every other session of the user and cancels pending resets. */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: principal.userId })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw AuthErrors.wrongCurrentPassword();
    }
    const problem = passwordProblem(newPassword, user);
    if (problem) throw AuthErrors.weakPassword(problem);
    const hash = await hashPassword(newPassword);
    await this.ds.transaction(async (tx) => {
      await tx.update(UserEntity, user.id, { passwordHash: hash, passwordChangedAt: new Date() });
      await endSessions(tx, user.id, 'password_changed', principal.sessionId);
      // A pending reset was for a password the user no longer needs to recover.
      await revokeOpenResets(tx, user.id);
      await this.audit.record(tx, { actorId: user.id, action: 'authn_password_change' });
    });
  }

  me(principal: Principal): Promise<SessionUserDto> {
    return this.sessionUsers.forPrincipal(principal);
  }

  private async findLoginUser(username: string): Promise<UserEntity | null> {
    const value = normalizeLogin(username);
    const column = /^\d{18}$/.test(value) ? 'u.nip' : 'u.email';
    return this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where(`${column} = :value`, { value })
      .getOne();
  }

  /** The session a login opens; single sign-on opens the same, marked and with its ID token. */
  async openSession(
    userId: string,
    client: ClientInfo,
    sso?: { method: 'oidc'; idToken: string },
  ): Promise<IssuedSession> {
    const { secret, hash } = this.tokens.newRefreshSecret();
    const expiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1000);
    const session = await this.ds.getRepository(SessionEntity).save({
      userId,
      refreshHash: hash,
      expiresAt,
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      method: sso?.method ?? 'password',
      oidcIdToken: sso?.idToken ?? null,
    });
    const principal = await this.principals.load(userId, session.id);
    if (!principal) throw AuthErrors.invalidCredentials();
    return {
      response: await this.response(principal),
      refreshToken: `${session.id}.${secret}`,
      refreshExpiresAt: expiresAt,
    };
  }

  private async response(principal: Principal): Promise<LoginResponseDto> {
    return {
      accessToken: this.tokens.signAccess({ sub: principal.userId, sid: principal.sessionId }),
      tokenType: 'Bearer',
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      user: await this.sessionUsers.forPrincipal(principal),
    };
  }
}
