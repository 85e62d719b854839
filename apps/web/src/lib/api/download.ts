import { authFetch } from './auth-fetch';
import { apiErrorFrom } from './errors';

/**
 * Saves what an API path answers as a file: downloads need the bearer token, so they cannot be
 * plain links. Rejects with the API's error (e.g. a file that is gone) for the caller to show.
 */
export async function downloadFile(path: string, name: string): Promise<void> {
  const response = await authFetch(new Request(path));
  if (!response.ok) throw await apiErrorFrom(response);
  saveBlob(await response.blob(), name);
}

/** Hands a blob to the browser's download under `name` (a file the page made or fetched). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the file to the browser's download by now.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
