import type { EntityManager } from 'typeorm';

/**
 * What other libs' demo seeding needs of people, on the seeding transaction (identity owns
 * `users` and `user_roles`; the seeds of libs/community, libs/award and libs/risk call these).
 */

/** The demo account with this email, if seeded. */
export async function demoPersonByEmail(
  m: EntityManager,
  email: string,
): Promise<{ id: string; opdId: string } | undefined> {
  const [row] = await m.query<{ id: string; opd_id: string }[]>(
    `SELECT id, opd_id FROM users WHERE email = $1`,
    [email],
  );
  return row ? { id: row.id, opdId: row.opd_id } : undefined;
}

/** Every demo account (`…lumbung.test`) of the OPD. */
export async function demoStaffOf(m: EntityManager, opdId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(
    `SELECT u.id FROM users u WHERE u.opd_id = $1 AND u.email LIKE '%lumbung.test'`,
    [opdId],
  );
  return rows.map((r) => r.id);
}

/** Makes the person a lead of the CoP (a seed grants it once, without an actor). */
export async function grantDemoCopLead(
  m: EntityManager,
  userId: string,
  copId: string,
): Promise<void> {
  await m.query(`INSERT INTO user_roles (user_id, role, cop_id) VALUES ($1, 'cop_lead', $2)`, [
    userId,
    copId,
  ]);
}
