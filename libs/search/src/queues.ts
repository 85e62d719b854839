/** Job queues other contexts write into so search follows their changes (outbox). */
export const SEARCH_ASSET_QUEUE = 'search.asset';
/** Re-apply index settings (synonyms changed). */
export const SEARCH_SETTINGS_QUEUE = 'search.settings';
