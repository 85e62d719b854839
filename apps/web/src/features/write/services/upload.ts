import { currentLanguage } from '@/i18n';
import { apiErrorFrom, networkError } from '@/lib/api/errors';
import type { Attachment } from '../model/draft';
import { session } from '@/lib/auth/session';

/**
 * Uploads one file to an asset with progress (fetch cannot report upload progress; an
 * XMLHttpRequest can). Like every API call it sends the in-memory token and, after a 401, renews
 * it once (a silent refresh, or the sign-in dialog when the session expired) and sends the file
 * again. Resolves with the stored attachment; rejects with the API's ApiError (type, size…), or
 * an AbortError when cancelled.
 */
export async function uploadAttachment(
  assetId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  const url = `/api/v1/assets/${encodeURIComponent(assetId)}/attachments`;
  const sent = session.accessToken();
  let answer = await send(url, file, sent, onProgress, signal);
  if (answer.status === 401) {
    const renewed = await session.renewAfterUnauthorized(sent);
    if (renewed) {
      onProgress(0);
      answer = await send(url, file, renewed, onProgress, signal);
    }
  }
  if (answer.status < 200 || answer.status >= 300) throw await apiErrorFrom(answer);
  const [stored] = (await answer.json()) as Attachment[];
  if (!stored) throw await apiErrorFrom(answer);
  return stored;
}

function send(
  url: string,
  file: File,
  token: string | undefined,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () =>
      resolve(
        new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status,
          headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'text/plain' },
        }),
      );
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    const abort = () => xhr.abort();
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', abort, { once: true });
    const body = new FormData();
    body.append('files', file, file.name);
    xhr.send(body);
  });
}
