import type { SessionUser } from '@/lib/api/types';
import type { Asset } from './queries/asset-queries';

/**
 * What the signed-in user is to an asset, as the API decides it (the API still checks each call):
 * authors may edit it until archived, verifiers of its OPD once it is published; its own people
 * (authors, narasumber) do not endorse or report applying it.
 */
export function mayEdit(asset: Asset, user: SessionUser | undefined): boolean {
  if (!user || asset.status === 'archived') return false;
  if (!user.permissions.includes('asset:contribute')) return false;
  if (asset.authors.some((a) => a.id === user.id)) return true;
  return (
    asset.status === 'published' &&
    user.grants.some((g) => g.role === 'verifier' && g.opdCode === asset.opdCode)
  );
}

export function isOwnAsset(asset: Asset, user: SessionUser | undefined): boolean {
  return (
    !!user && (asset.authors.some((a) => a.id === user.id) || asset.narasumber?.id === user.id)
  );
}

/** The attachment kind a stored (sniffed) MIME type stands for, for its label. */
export function attachmentKind(
  mime: string,
): 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'png' | 'jpeg' | 'mp4' | 'text' | 'other' {
  const base = (mime.split(';')[0] ?? '').trim().toLowerCase();
  switch (base) {
    case 'application/pdf':
      return 'pdf';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return 'docx';
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return 'xlsx';
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
      return 'pptx';
    case 'image/png':
      return 'png';
    case 'image/jpeg':
      return 'jpeg';
    case 'video/mp4':
      return 'mp4';
    case 'text/plain':
      return 'text';
    default:
      return 'other';
  }
}
