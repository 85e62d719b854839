import { downloadFile } from '@/lib/api/download';

/** Saves an attachment as a file (rejects with the API's error for the caller to show). */
export function downloadAttachment(id: string, name: string): Promise<void> {
  return downloadFile(`/api/v1/attachments/${encodeURIComponent(id)}`, name);
}
