import type { AssetEntity } from './asset.entity';

/** How asset_revisions rows are read (owned by the assets repository). */
export type RevisionStatus = 'published' | 'pending' | 'rejected';

export interface RevisionRow {
  n: number;
  type: string;
  title: string;
  summary: string;
  sections: Record<string, string>;
  body: string;
  tags: string[];
  visibility: string;
  seci_mode: string | null;
  narasumber_id: string | null;
  cop_id: string | null;
  status: RevisionStatus;
  /** The published revision this one was written against (null for the first). */
  base_n: number | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_comment: string | null;
}

/** What a revision holds of an asset. */
export type RevisionContent = Pick<
  AssetEntity,
  | 'type'
  | 'title'
  | 'summary'
  | 'sections'
  | 'body'
  | 'tags'
  | 'visibility'
  | 'seciMode'
  | 'narasumberId'
  | 'copId'
>;

/** A pending revision with what the review queue shows of its asset. */
export interface PendingRevisionRow {
  asset_id: string;
  n: number;
  base_n: number | null;
  title: string;
  asset_title: string;
  type: string;
  opd_id: string;
  author_ids: string[];
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
