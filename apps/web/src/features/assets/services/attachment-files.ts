import { api } from '@/lib/api/client';

/**
 * A file's bytes, with the reader's token (the access token lives in memory only, so a plain
 * link could not open a file of an `internal` asset). The API counts it as a download.
 */
export async function fetchAttachment(id: string): Promise<Blob> {
  const { data } = await api.GET('/api/v1/attachments/{id}', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  return data as Blob;
}

/** Saves a file as a browser download under its display name. */
export async function downloadAttachment(id: string, name: string): Promise<void> {
  const url = URL.createObjectURL(await fetchAttachment(id));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own copy once it started; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
