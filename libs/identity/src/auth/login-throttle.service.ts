import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CommonErrors } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';

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

  private keys(username: string, ip: string): { account: string; ip: string } {
    return { account: `acct:${username.trim().toLowerCase()}|${ip}`, ip: `ip:${ip}` };
  }

  /** Throws 429 when either bucket is over its limit within the window. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const { auth } = this.config;
    const keys = this.keys(username, ip);
    const rows: { key: string; failures: number; retry: number }[] = await this.ds.query(
      `SELECT key, failures,
              CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry
         FROM auth_login_failures
        WHERE key = ANY($1) AND window_started_at > now() - make_interval(secs => $2)`,
      [[keys.account, keys.ip], auth.loginFailureWindowSeconds],
    );
    for (const row of rows) {
      const limit = row.key === keys.ip ? auth.loginFailuresPerIp : auth.loginFailuresPerAccount;
      if (row.failures >= limit) throw CommonErrors.rateLimited(Math.max(1, row.retry));
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const keys = this.keys(username, ip);
    await this.ds.query(
      `INSERT INTO auth_login_failures (key, failures, window_started_at)
       SELECT k, 1, now() FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN auth_login_failures.window_started_at > now() - make_interval(secs => $2)
                         THEN auth_login_failures.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN auth_login_failures.window_started_at > now() - make_interval(secs => $2)
                         THEN auth_login_failures.window_started_at ELSE now() END`,
      [[keys.account, keys.ip], this.config.auth.loginFailureWindowSeconds],
    );
  }

  /** A successful login clears the account bucket for that address. */
  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.ds.query(`DELETE FROM auth_login_failures WHERE key = $1`, [
      this.keys(username, ip).account,
    ]);
  }
}
