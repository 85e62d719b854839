import type { Reader } from './asset-read.rule';

/** Authors of the asset (any status) and verifiers of its OPD may edit it. */
export function mayEdit(
  asset: { authorIds: string[]; opdId: string; status: string },
  reader: Reader,
): boolean {
  if (asset.status === 'archived') return false;
  if (asset.authorIds.includes(reader.userId)) return true;
  return asset.status === 'published' && reader.verifierOpdIds.includes(asset.opdId);
}

/** Who sees an asset's proposals (pending and rejected revisions): its authors and verifiers. */
export function seesProposals(
  asset: { authorIds: string[]; opdId: string },
  reader: Reader | undefined,
): boolean {
  if (!reader) return false;
  return asset.authorIds.includes(reader.userId) || reader.verifierOpdIds.includes(asset.opdId);
}
