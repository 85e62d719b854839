import { apiErrorFrom, networkError } from '@/lib/api/errors';
import { authFetch } from '@/lib/api/auth-fetch';
import type { Schemas } from '@/lib/api/types';

export type AttendancePreview = Schemas['AttendancePreviewDto'];

async function post(url: string, form: FormData): Promise<Response> {
  let response: Response;
  try {
    response = await authFetch(new Request(url, { method: 'POST', body: form }));
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}

/** Reads an attendance sheet (or a pasted NIP list, sent as a one-column CSV) into the API's per-row report; nothing is saved. */
export async function previewAttendance(
  copId: string,
  file: Blob,
  name: string,
): Promise<AttendancePreview> {
  const form = new FormData();
  form.append('file', file, name);
  const response = await post(`/api/v1/cops/${encodeURIComponent(copId)}/attendance-sheet`, form);
  return (await response.json()) as AttendancePreview;
}

/** Evidence files of a saved meeting, one request each through the safe upload pipeline. */
export async function uploadEvidence(meetingId: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('files', file, file.name);
  await post(`/api/v1/meetings/${encodeURIComponent(meetingId)}/attachments`, form);
}
