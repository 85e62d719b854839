import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Notifier } from '@lumbung/notifications';

/**
 * Tells a CoP's current members (who read its meetings) that a meeting was logged, in the
 * transaction that logs it. The one who logged it is not told.
 */
@Injectable()
export class MeetingAnnouncer {
  constructor(private readonly notifier: Notifier) {}

  async logged(
    tx: EntityManager,
    cop: { id: string; name: string },
    meeting: { id: string; topic: string },
    actorId: string,
  ): Promise<void> {
    const members = await tx.query<{ userId: string }[]>(
      `SELECT user_id AS "userId" FROM cop_memberships WHERE cop_id = $1 AND left_at IS NULL`,
      [cop.id],
    );
    await this.notifier.notify(tx, {
      type: 'cop_meeting_logged',
      key: `cop_meeting_logged:${meeting.id}`,
      to: { userIds: members.map((m) => m.userId) },
      except: [actorId],
      link: `/komunitas/pertemuan/${meeting.id}`,
      params: { copName: cop.name, meetingTopic: meeting.topic },
    });
  }
}
