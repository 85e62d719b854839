import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The `cop_lead` role, scoped to one CoP: libs/community decides who leads (it owns the CoPs) and
 * grants or ends the role here, in its own transaction; identity owns `user_roles`.
 */
@Injectable()
export class CopLeadRoles {
  /** Makes exactly `leadIds` the CoP's leads: others lose the role, new ones gain it. */
  async replace(
    tx: EntityManager,
    copId: string,
    leadIds: string[],
    grantedBy: string,
  ): Promise<void> {
    await tx.query(
      `DELETE FROM user_roles WHERE role = 'cop_lead' AND cop_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
      [copId, leadIds],
    );
    await tx.query(
      `INSERT INTO user_roles (user_id, role, cop_id, granted_by)
       SELECT u, 'cop_lead', $1, $3 FROM unnest($2::uuid[]) AS u
       ON CONFLICT (user_id, role, opd_id, cop_id) DO NOTHING`,
      [copId, leadIds, grantedBy],
    );
  }

  /** Ends one person's lead role in the CoP (nothing when they did not lead it). */
  async revoke(tx: EntityManager, copId: string, userId: string): Promise<void> {
    await tx.query(
      `DELETE FROM user_roles WHERE role = 'cop_lead' AND cop_id = $1 AND user_id = $2`,
      [copId, userId],
    );
  }
}
