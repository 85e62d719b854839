import { apiErrorFrom } from '@/lib/api/errors';
import { authFetch } from '@/lib/api/auth-fetch';

/**
 * Saves an attachment as a file: the download needs the bearer token, so it cannot be a plain
 * link. Rejects with the API's error (e.g. a file that is gone) for the caller to show.
 */
export async function downloadAttachment(id: string, name: string): Promise<void> {
  const response = await authFetch(new Request(`/api/v1/attachments/${encodeURIComponent(id)}`));
  if (!response.ok) throw await apiErrorFrom(response);
  const url = URL.createObjectURL(await response.blob());
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
