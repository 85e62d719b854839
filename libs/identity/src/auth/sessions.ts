import type { EntityManager } from 'typeorm';
import { SessionEntity } from './session.entity';

/**
 * Ends every open session of a user (refresh cookies at once, access tokens on their next
 * request), except the one given: password changes, resets and deactivation.
 */
export async function endSessions(
  tx: EntityManager,
  userId: string,
  reason: string,
  exceptSessionId?: string,
): Promise<void> {
  const qb = tx
    .createQueryBuilder()
    .update(SessionEntity)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where('user_id = :userId AND revoked_at IS NULL', { userId });
  if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
  await qb.execute();
}
