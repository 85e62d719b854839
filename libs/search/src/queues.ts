/** Job queues other contexts write into so search follows their changes (outbox). */
export const SEARCH_ASSET_QUEUE = 'search.asset';
/** Re-apply index settings (synonyms changed). */
export const SEARCH_SETTINGS_QUEUE = 'search.settings';
/** Meeting minutes changed (the community context delivers these). */
export const SEARCH_MEETING_QUEUE = 'search.meeting';
/** A rebuild swapped in a fresh index: every context re-delivers what it owns besides assets. */
export const SEARCH_REBUILT_QUEUE = 'search.rebuilt';
/** Search ids of meeting documents. */
export const MEETING_DOC_PREFIX = 'meeting-';
