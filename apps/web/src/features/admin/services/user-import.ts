import { authFetch } from '@/lib/api/auth-fetch';
import { apiErrorFrom, networkError } from '@/lib/api/errors';
import type { Schemas } from '@/lib/api/types';

export type ImportReport = Schemas['ImportReportDto'];

/**
 * POST /users/import with the CSV as multipart (the typed client sends JSON only). With
 * `dryRun` the API checks every row and writes nothing; without, it writes the valid rows and
 * reports the rest as rejected.
 */
export async function importUsers(file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await authFetch(
      new Request(`/api/v1/users/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body }),
    );
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as ImportReport;
}
