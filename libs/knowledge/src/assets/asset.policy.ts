import type { Principal } from '@lumbung/identity';
import type { Reader } from './asset-read.rule';

/**
 * Who may change an asset and review it (libs/knowledge/README.md). Pure: each rule decides from
 * the caller and the asset's authors, OPD and status; it reads nothing. Who may read an asset is
 * the read rule of `asset-read.rule.ts` (its SQL and Meilisearch forms), not a rule here.
 */
interface AssetRef {
  authorIds: string[];
  opdId: string;
}

export type WorkflowAction = 'submit' | 'approve' | 'reject' | 'archive' | 'reverify';

/** Why the caller may not do something to an asset: no right at all, or reviewing their own. */
export type Refusal = 'forbidden' | 'self_review';

export function isAuthor(asset: { authorIds: string[] }, reader: Reader): boolean {
  return asset.authorIds.includes(reader.userId);
}

/** The caller verifies the asset's OPD. */
export function verifies(asset: { opdId: string }, reader: Reader): boolean {
  return reader.verifierOpdIds.includes(asset.opdId);
}

/** Authors of the asset (any status) and verifiers of its OPD may edit it. */
export function mayEdit(asset: AssetRef & { status: string }, reader: Reader): boolean {
  if (asset.status === 'archived') return false;
  if (isAuthor(asset, reader)) return true;
  return asset.status === 'published' && verifies(asset, reader);
}

/** Who sees an asset's proposals (pending and rejected revisions): its authors and verifiers. */
export function seesProposals(asset: AssetRef, reader: Reader | undefined): boolean {
  if (!reader) return false;
  return isAuthor(asset, reader) || verifies(asset, reader);
}

/**
 * A review (of the asset, or of an author's revision) is its OPD's verifiers' to make, and never
 * the review of one's own writing.
 */
export function reviewRefusal(asset: AssetRef, reader: Reader): Refusal | undefined {
  if (!verifies(asset, reader)) return 'forbidden';
  return isAuthor(asset, reader) ? 'self_review' : undefined;
}

/**
 * Who moves an asset through its workflow: authors submit; verifiers of its OPD approve, reject
 * and re-verify (not their own); authors and verifiers archive.
 */
export function workflowRefusal(
  asset: AssetRef,
  reader: Reader,
  action: WorkflowAction,
): Refusal | undefined {
  switch (action) {
    case 'submit':
      return isAuthor(asset, reader) ? undefined : 'forbidden';
    case 'approve':
    case 'reject':
    case 'reverify':
      return reviewRefusal(asset, reader);
    case 'archive':
      return isAuthor(asset, reader) || verifies(asset, reader) ? undefined : 'forbidden';
  }
}

/** Ownership is not the author's to choose: only admins file an asset under another OPD. */
export function filesUnderOpd(principal: Principal, opdId: string): boolean {
  return opdId === principal.opdId || principal.isAdmin;
}
