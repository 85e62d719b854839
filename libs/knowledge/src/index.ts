export * from './knowledge.module';
export * from './knowledge-http.module';
export * from './knowledge-worker.module';
export * from './assets/asset-types';
export * from './assets/asset-type-templates';
export * from './assets/completeness';
export { AssetsService } from './assets/assets.service';
export { AttachmentsService, type MeetingFileGuard } from './attachments/attachments.service';
export { sniffFile } from './attachments/content/sniff';
export { type StoredFile, storedFilesPage } from './attachments/stored-files';
export { OrphanFileSweeper, type SweepReport } from './attachments/orphan-sweeper';
export { extractText } from './attachments/content/extract-text';
export { AttachmentViewService } from './attachments/attachment-view.service';
export { AttachmentSummaryDto } from './assets/dto/attachment-summary.dto';
export { PersonRefDto } from './assets/dto/person-ref.dto';
export { ApiFilesUpload } from './attachments/files-upload.decorator';
export { AssetUsageRecorder, type UsageAsset } from './usage/asset-usage.recorder';
export { readerOf, readablePredicate, readableFilter, type Reader } from './assets/asset-read.rule';
export { touchSearch } from './assets/search-sync';
export { recordCurrentRevisions } from './assets/asset-revisions';
export {
  AssetEvidenceReader,
  type EvidenceAsset,
  type PublishedInterview,
} from './assets/asset-evidence.reader';
export { normalizeTags } from './assets/tags';
export * from './demo/demo-writers';
export * from './error-codes';
