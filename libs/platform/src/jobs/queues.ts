/**
 * Every job queue of the application and the payload it carries, in one place: producers enqueue
 * and handlers register by these names, so a queue shared by two libs (knowledge writes
 * `search.asset`, libs/search handles it) needs neither lib to import the other. A new queue is
 * one line in each of `QUEUES` and `QueuePayloads`.
 */
export const QUEUES = {
  /** An asset changed: its search document is re-read and upserted or deleted (libs/search). */
  searchAsset: 'search.asset',
  /** Re-apply the index settings (synonyms changed). */
  searchSettings: 'search.settings',
  /** Meeting minutes changed: their search document follows. */
  searchMeeting: 'search.meeting',
  /** A rebuild swapped in a fresh index: documents other than assets are delivered again. */
  searchRebuilt: 'search.rebuilt',
  /** A user's name changed: the documents naming them as author follow. */
  userRenamed: 'identity.user_renamed',
  /** Extract the text of an uploaded file. */
  attachmentExtract: 'attachment.extract',
  /** Scan an uploaded file once clamd answers (deferred scan). */
  attachmentScan: 'attachment.scan',
  /** Remove the stored bytes of a deleted file. */
  storageDelete: 'storage.delete',
  /** A published interview names its narasumber (libs/risk moves their retention plan). */
  interviewPublished: 'knowledge.interview_published',
  /** Send one queued email. */
  notificationEmail: 'notifications.email',
  /** The daily notification scans and digests. */
  notificationsDaily: 'notifications.daily',
} as const;

/** What each queue's jobs carry (JSON; type aliases so each is a plain record). */
export type QueuePayloads = {
  'search.asset': { assetId: string };
  'search.settings': Record<string, never>;
  'search.meeting': { meetingId: string };
  'search.rebuilt': Record<string, never>;
  'identity.user_renamed': { userId: string };
  'attachment.extract': { attachmentId: string };
  'attachment.scan': { attachmentId: string };
  'storage.delete': { key: string };
  'knowledge.interview_published': { assetId: string; narasumberId: string };
  'notifications.email': { emailId: string };
  'notifications.daily': Record<string, never>;
};

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * The payload of a queue: the registry's type for a registered name; any JSON object for other
 * names (the job machinery's own tests use throwaway queues).
 */
export type PayloadOf<Q extends string> = Q extends QueueName
  ? QueuePayloads[Q]
  : Record<string, unknown>;
