import type { EntityManager } from 'typeorm';

/** A file's storage key with the hash and size recorded when it was uploaded. */
export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

/**
 * Every stored file (asset attachments and meeting evidence alike), in storage-key order, one
 * page after `afterKey`: the storage migration walks them with a cursor so a run can resume.
 */
export async function storedFilesPage(
  m: EntityManager,
  afterKey: string,
  limit: number,
): Promise<StoredFile[]> {
  const rows = await m.query<{ key: string; sha256: string; sizeBytes: string }[]>(
    `SELECT storage_key AS key, sha256, size_bytes AS "sizeBytes" FROM attachments
      WHERE storage_key > $1 ORDER BY storage_key LIMIT $2`,
    [afterKey, limit],
  );
  return rows.map((r) => ({ key: r.key, sha256: r.sha256, size: Number(r.sizeBytes) }));
}
