import type { Reader } from '../assets/asset-read.rule';

/** Provided by the community context: meeting minutes and CoPs, as search needs them. */
export const COMMUNITY_SEARCH_SOURCE = Symbol('COMMUNITY_SEARCH_SOURCE');

/** Meeting minutes found by the PostgreSQL fallback (its own hit kind, like in the index). */
export interface MeetingMatch {
  id: string;
  title: string;
  summary: string;
  opdCode: string;
  heldAt: Date;
  /** Comparable with the fallback's asset rank (same ts_rank_cd formula). */
  rank: number;
  /** Title and summary with the highlight markers around matched words. */
  markedTitle: string;
  markedSummary: string;
}

export interface CopSummary {
  id: string;
  name: string;
}

export interface CommunitySearchSource {
  /**
   * Meeting minutes `reader` may read (as the index's access filter says: internal minutes for
   * any signed-in user, others for the CoP's members and its host OPD; assessors all) that match
   * the query, best first, at most `limit`; `empty` lists them all (browsing).
   */
  searchMeetings(
    reader: Reader | undefined,
    q: string,
    filters: { opdId?: string; copId?: string },
    limit: number,
  ): Promise<MeetingMatch[]>;
  /** CoPs whose name has a word starting with `prefix` (completions). */
  copsByName(prefix: string, limit: number): Promise<CopSummary[]>;
  /** Every CoP (to check a CoP filter and name the allowed values). */
  allCops(): Promise<CopSummary[]>;
}
