import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Where a notification can reach a person: their name and work address. */
export interface Mailbox {
  id: string;
  name: string;
  email: string;
}

/**
 * Read service for notifications: who of these people is still active (deactivated accounts and
 * service accounts get nothing), who verifies an OPD, and where to write to them.
 */
@Injectable()
export class RecipientDirectory {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The active people (no service accounts) among these ids. Inside a transaction pass it: a
   * second pool connection taken while the first is held deadlocks a busy pool.
   */
  async activeIds(tx: EntityManager | null, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await (tx ?? this.ds).query<{ id: string }[]>(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND NOT service_account`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** The active people who hold the verifier role for this OPD. */
  async verifierIdsOf(tx: EntityManager | null, opdId: string): Promise<string[]> {
    const rows = await (tx ?? this.ds).query<{ id: string }[]>(
      `SELECT DISTINCT u.id FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.role = 'verifier' AND r.opd_id = $1 AND u.active AND NOT u.service_account`,
      [opdId],
    );
    return rows.map((r) => r.id);
  }

  /** Name and address of the active people among these ids. */
  async mailboxes(ids: readonly string[]): Promise<Map<string, Mailbox>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ds.query<Mailbox[]>(
      `SELECT id, name, email FROM users
        WHERE id = ANY($1::uuid[]) AND active AND NOT service_account`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
