import type { EntityManager } from 'typeorm';
import type { Sniffed } from './content/sniff';
import type { ReceivedFile } from './upload-receiver';

/** A received file that passed the content checks, with its scan verdict. */
export interface CheckedFile extends ReceivedFile {
  sniffed: Sniffed;
  displayName: string;
  scanStatus: 'not_scanned' | 'clean' | 'pending_scan';
}

export interface AttachmentOwner {
  column: 'asset_id' | 'meeting_id';
  id: string;
  uploaderId: string;
}

/**
 * Inserts one attachment row per file whose bytes (by SHA-256) the owner does not have yet,
 * under the store key it was moved to, and queues its scan or extraction (`queue`) in the same
 * transaction. Answers the attachment ids (an existing one for known bytes) and the keys now
 * named by a row.
 */
export async function recordAttachments(
  tx: EntityManager,
  owner: AttachmentOwner,
  files: readonly CheckedFile[],
  keys: readonly string[],
  queue: (tx: EntityManager, attachmentId: string, scanFirst: boolean) => Promise<void>,
): Promise<{ ids: string[]; recorded: string[] }> {
  const ids: string[] = [];
  const recorded: string[] = [];
  for (const [i, f] of files.entries()) {
    const [existing] = await tx.query<{ id: string }[]>(
      `SELECT id FROM attachments WHERE ${owner.column} = $1 AND sha256 = $2`,
      [owner.id, f.sha256],
    );
    if (existing) {
      if (!ids.includes(existing.id)) ids.push(existing.id);
      continue;
    }
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO attachments (${owner.column}, storage_key, display_name, kind, mime, size_bytes, sha256,
                                scan_status, text_status, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        owner.id,
        keys[i],
        f.displayName,
        f.sniffed.kind,
        f.sniffed.mime,
        f.size,
        f.sha256,
        f.scanStatus,
        ['mp4', 'png', 'jpeg'].includes(f.sniffed.kind) ? 'not_applicable' : 'pending',
        owner.uploaderId,
      ],
    );
    ids.push(row.id);
    recorded.push(keys[i]);
    await queue(tx, row.id, f.scanStatus === 'pending_scan');
  }
  return { ids, recorded };
}
