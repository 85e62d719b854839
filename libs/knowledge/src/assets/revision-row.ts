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
  seciMode: string | null;
  narasumberId: string | null;
  copId: string | null;
  status: RevisionStatus;
  /** The published revision this one was written against (null for the first). */
  baseN: number | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

/** Each `RevisionRow` field and its column of `asset_revisions`. */
const REVISION_FIELDS: readonly (readonly [keyof RevisionRow, string])[] = [
  ['n', 'n'],
  ['type', 'type'],
  ['title', 'title'],
  ['summary', 'summary'],
  ['sections', 'sections'],
  ['body', 'body'],
  ['tags', 'tags'],
  ['visibility', 'visibility'],
  ['seciMode', 'seci_mode'],
  ['narasumberId', 'narasumber_id'],
  ['copId', 'cop_id'],
  ['status', 'status'],
  ['baseN', 'base_n'],
  ['createdBy', 'created_by'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
  ['reviewedBy', 'reviewed_by'],
  ['reviewedAt', 'reviewed_at'],
  ['reviewComment', 'review_comment'],
];

/** The select list of a `RevisionRow` from `asset_revisions <alias>`. */
export function revisionColumns(alias: string): string {
  return REVISION_FIELDS.map(([field, column]) =>
    field === column ? `${alias}.${column}` : `${alias}.${column} AS "${field}"`,
  ).join(', ');
}

/** A `RevisionRow` of `asset_revisions <alias>` as one JSON object (dates become strings). */
export function revisionJson(alias: string): string {
  return `json_build_object(${REVISION_FIELDS.map(([f, c]) => `'${f}', ${alias}.${c}`).join(', ')})`;
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
  assetId: string;
  n: number;
  baseN: number | null;
  title: string;
  assetTitle: string;
  type: string;
  opdId: string;
  authorIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
