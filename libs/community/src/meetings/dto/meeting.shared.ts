export const MEETING_MODES = ['luring', 'daring', 'hibrida'] as const;
