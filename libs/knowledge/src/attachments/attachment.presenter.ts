import type { AttachmentSummaryDto } from '../assets/dto/attachment-summary.dto';

export interface AttachmentRow {
  id: string;
  display_name: string;
  mime: string;
  size_bytes: string;
  sha256: string;
  text_status: string;
  scan_status: string;
  /** A Date from a row, an ISO string from JSON. */
  created_at: Date | string;
}

/** An attachment row as the API answers it (pure; sizes come from bigint as strings). */
export function presentAttachment(r: AttachmentRow): AttachmentSummaryDto {
  return {
    id: r.id,
    name: r.display_name,
    mime: r.mime,
    size: Number(r.size_bytes),
    sha256: r.sha256,
    textStatus: r.text_status,
    scanStatus: r.scan_status,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
