import type { EntityManager } from 'typeorm';
import { enqueueJobs, QUEUES } from '@lumbung/platform';

/**
 * Outbox for meeting minutes: these meetings changed (in the caller's transaction). libs/search
 * re-reads them through the community views and upserts or deletes their documents.
 */
export async function touchMeetings(
  m: EntityManager,
  meetingIds: readonly string[],
): Promise<void> {
  await enqueueJobs(
    m,
    QUEUES.searchMeeting,
    meetingIds.map((id) => ({ payload: { meetingId: id }, dedupeKey: id })),
  );
}
