import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttachmentSummaryDto } from '../assets/dto/attachment-summary.dto';
import { type AttachmentRow, presentAttachment } from './attachment.presenter';

const COLUMNS = `id, display_name AS "displayName", mime, size_bytes AS "sizeBytes", sha256,
  text_status AS "textStatus", scan_status AS "scanStatus", created_at AS "createdAt"`;

/**
 * An asset's files as a reader may see them (SQL expressions for both): one pending a virus scan
 * is shown only to whoever uploaded it.
 */
export function visibleAttachmentsSql(assetId: string, readerId: string): string {
  return `SELECT ${COLUMNS} FROM attachments
    WHERE asset_id = ${assetId} AND (scan_status <> 'pending_scan' OR uploaded_by = ${readerId})`;
}

/** Attachment rows → response DTOs. */
@Injectable()
export class AttachmentViewService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** An asset's files; one pending a virus scan is shown only to whoever uploaded it. */
  async visibleForAsset(
    assetId: string,
    readerId: string | undefined,
  ): Promise<AttachmentSummaryDto[]> {
    const rows = await this.ds.query<AttachmentRow[]>(
      `${visibleAttachmentsSql('$1', '$2::uuid')} ORDER BY created_at, id`,
      [assetId, readerId ?? null],
    );
    return rows.map(presentAttachment);
  }

  async byIds(ids: string[]): Promise<AttachmentSummaryDto[]> {
    const rows = await this.ds.query<AttachmentRow[]>(
      `SELECT ${COLUMNS} FROM attachments WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [presentAttachment(r)] : [];
    });
  }
}
