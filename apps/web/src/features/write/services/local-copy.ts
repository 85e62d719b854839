import type { AssetType, DraftForm } from '../model/draft';

/**
 * A copy of the form in this tab's sessionStorage while the server does not have it yet (a save
 * failed, the session expired, the tab was reloaded mid-way): nothing typed is lost. It is
 * removed once the server holds exactly what the form shows. sessionStorage, not localStorage:
 * the text stays with this tab and is gone when the tab is closed.
 */
export interface LocalCopy {
  type: AssetType;
  form: DraftForm;
  /** The asset's version the copy was edited from (undefined before the draft exists). */
  version?: number;
  /** When it was written (ms since epoch). */
  at: number;
}

const PREFIX = 'lumbung.tulis.';
/** The key of a draft that does not exist on the server yet. */
export const NEW_DRAFT = 'baru';

export function readLocalCopy(key: string): LocalCopy | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const copy = JSON.parse(raw) as Partial<LocalCopy>;
    if (!copy.form || !copy.type || typeof copy.form.title !== 'string') return undefined;
    return copy as LocalCopy;
  } catch {
    return undefined;
  }
}

export function writeLocalCopy(key: string, copy: Omit<LocalCopy, 'at'>): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify({ ...copy, at: Date.now() }));
  } catch {
    // Storage full or unavailable: the form itself still holds the text.
  }
}

export function removeLocalCopy(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to remove
  }
}
