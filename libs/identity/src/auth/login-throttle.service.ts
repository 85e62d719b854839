import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CommonErrors } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';

/** How a login identifier (email or NIP) is compared: trimmed, lower case. */
export function normalizeLogin(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The account a login attempt counts against: the user's id when the identifier names one, so
 * an email and a NIP of the same person share one bucket; otherwise the normalised identifier.
 */
export function loginAccount(userId: string | undefined, username: string): string {
  return userId ? `user:${userId}` : `name:${normalizeLogin(username)}`;
}

/**
 * Counts failed logins in PostgreSQL (so every API instance shares the counts) per account+IP
 * and per IP. Keying the account bucket on the IP as well means an attacker elsewhere cannot lock
 * a colleague out; the per-IP bucket stops spraying many accounts from one address.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private accountKey(account: string, ip: string): string {
    return `acct:${account}|${ip}`;
  }

  private ipKey(ip: string): string {
    return `ip:${ip}`;
  }

  /** Throws 429 when either bucket is over its limit within the window. */
  async assertAllowed(account: string, ip: string): Promise<void> {
    await this.assertKeys([this.accountKey(account, ip), this.ipKey(ip)], ip);
  }

  async recordFailure(account: string, ip: string): Promise<void> {
    await this.recordKeys([this.accountKey(account, ip), this.ipKey(ip)]);
  }

  /** A successful login clears the account bucket for that address. */
  async recordSuccess(account: string, ip: string): Promise<void> {
    await this.ds.query(`DELETE FROM auth_login_failures WHERE key = $1`, [
      this.accountKey(account, ip),
    ]);
  }

  /** The per-address bucket alone, for other guesses at a secret (password-reset codes). */
  async assertAddressAllowed(ip: string): Promise<void> {
    await this.assertKeys([this.ipKey(ip)], ip);
  }

  async recordAddressFailure(ip: string): Promise<void> {
    await this.recordKeys([this.ipKey(ip)]);
  }

  private async assertKeys(keys: string[], ip: string): Promise<void> {
    const { auth } = this.config;
    const rows: { key: string; failures: number; retry: number }[] = await this.ds.query(
      `SELECT key, failures,
              CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry
         FROM auth_login_failures
        WHERE key = ANY($1) AND window_started_at > now() - make_interval(secs => $2)`,
      [keys, auth.loginFailureWindowSeconds],
    );
    for (const row of rows) {
      const limit =
        row.key === this.ipKey(ip) ? auth.loginFailuresPerIp : auth.loginFailuresPerAccount;
      if (row.failures >= limit) throw CommonErrors.rateLimited(Math.max(1, row.retry));
    }
  }

  private async recordKeys(keys: string[]): Promise<void> {
    await this.ds.query(
      `INSERT INTO auth_login_failures (key, failures, window_started_at)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN auth_login_failures.window_started_at > now() - make_interval(secs => $2)
                         THEN auth_login_failures.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN auth_login_failures.window_started_at > now() - make_interval(secs => $2)
                         THEN auth_login_failures.window_started_at ELSE now() END`,
      [keys, this.config.auth.loginFailureWindowSeconds],
    );
  }
}
