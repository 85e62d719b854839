export * from './knowledge.module';
export * from './knowledge-http.module';
export * from './knowledge-worker.module';
export * from './assets/asset-types';
export * from './assets/asset-type-templates';
export * from './assets/completeness';
export * from './search/asset-search-jobs';
export { AssetsService } from './assets/assets.service';
export {
  AttachmentsService,
  EXTRACT_QUEUE,
  type MeetingFileGuard,
} from './attachments/attachments.service';
export { sniffFile } from './attachments/content/sniff';
export { type StoredFile, storedFilesPage } from './attachments/stored-files';
export { OrphanFileSweeper, type SweepReport } from './attachments/orphan-sweeper';
export { extractText } from './attachments/content/extract-text';
export { AttachmentViewService } from './attachments/attachment-view.service';
export { AttachmentSummaryDto } from './assets/dto/attachment-summary.dto';
export { PersonRefDto } from './assets/dto/person-ref.dto';
export { ApiFilesUpload } from './attachments/files-upload.decorator';
export { AssetUsageRecorder, type UsageAsset } from './usage/asset-usage.recorder';
export { readerOf, readablePredicate, type Reader } from './assets/asset-access';
export { touchSearch } from './search/search-sync';
export { recordCurrentRevisions } from './assets/asset-revisions';
export {
  AssetEvidenceReader,
  type EvidenceAsset,
  type PublishedInterview,
} from './assets/asset-evidence.reader';
export { INTERVIEW_PUBLISHED_QUEUE } from './assets/interview-published';
export { normalizeTags } from './assets/tags';
export {
  COMMUNITY_SEARCH_SOURCE,
  type CommunitySearchSource,
  type CopSummary,
  type MeetingMatch,
} from './search/community-search.source';
export * from './demo/demo-writers';
export * from './error-codes';
