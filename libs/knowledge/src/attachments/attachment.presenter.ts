import type { AttachmentSummaryDto } from '../assets/dto/attachment-summary.dto';

export interface AttachmentRow {
  id: string;
  displayName: string;
  mime: string;
  sizeBytes: string;
  sha256: string;
  textStatus: string;
  scanStatus: string;
  /** A Date from a row, an ISO string from JSON. */
  createdAt: Date | string;
}

/** An attachment row as the API answers it (pure; sizes come from bigint as strings). */
export function presentAttachment(r: AttachmentRow): AttachmentSummaryDto {
  return {
    id: r.id,
    name: r.displayName,
    mime: r.mime,
    size: Number(r.sizeBytes),
    sha256: r.sha256,
    textStatus: r.textStatus,
    scanStatus: r.scanStatus,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
