import type { EntityManager } from 'typeorm';

/**
 * Codes of the user not yet used or revoked stop working: a newer code replaces them, and a new
 * password (set by the user, or a first one by an admin) leaves nothing to recover.
 */
export async function revokeOpenResets(tx: EntityManager, userId: string): Promise<void> {
  await tx.query(
    `UPDATE password_resets SET revoked_at = now()
      WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
    [userId],
  );
}
