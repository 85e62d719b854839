import { AssetUsageRecorder } from './usage/asset-usage.recorder';
import { Bm25Reranker } from './search/bm25-reranker';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@lumbung/identity';
import { NotificationsModule } from '@lumbung/notifications';
import { AssetAnnouncer } from './assets/asset-announcer';
import { AssetContentEditor } from './assets/asset-content';
import { AssetEvidenceReader } from './assets/asset-evidence.reader';
import { AssetRevisionsService } from './assets/asset-revisions.service';
import { AssetViewService } from './assets/asset-view.service';
import { AssetWorkflowService } from './assets/asset-workflow.service';
import { AssetEntity } from './assets/asset.entity';
import { AssetRevisionsRepository } from './assets/asset-revisions.repository';
import { AssetsRepository } from './assets/assets.repository';
import { TagsService } from './assets/tags.service';
import { SearchClicksService } from './search/search-clicks.service';
import { AssetsService } from './assets/assets.service';
import { RelatedAssetsService } from './assets/related-assets.service';
import { AttachmentViewService } from './attachments/attachment-view.service';
import { AttachmentsService } from './attachments/attachments.service';
import { AssetImportService } from './import/asset-import.service';
import { AssetProjection } from './search/asset-projection';
import { AssetSearchService } from './search/asset-search.service';
import { PeopleSearchService } from './search/people-search.service';
import { ReviewQueueRepository } from './review/review-queue.repository';
import { ReviewQueueService } from './review/review-queue.service';
import { MeiliAssetSearch } from './search/meili-asset-search';
import { PostgresAssetSearch } from './search/postgres-asset-search';
import { QuestionRanker } from './search/question-ranker';
import { SearchCompletionsService } from './search/search-completions.service';
import { SearchFilterResolver } from './search/search-filters';
import { SearchHelpService } from './search/search-help.service';
import { SearchVocabularyService } from './search/search-vocabulary.service';

/** Knowledge assets, templates, workflow and revisions (no HTTP). */
@Module({
  imports: [TypeOrmModule.forFeature([AssetEntity]), IdentityModule, NotificationsModule],
  providers: [
    AssetsRepository,
    AssetRevisionsRepository,
    AssetsService,
    AssetContentEditor,
    AssetRevisionsService,
    AssetWorkflowService,
    AssetViewService,
    AttachmentsService,
    AttachmentViewService,
    AssetImportService,
    AssetProjection,
    AssetSearchService,
    SearchFilterResolver,
    MeiliAssetSearch,
    PostgresAssetSearch,
    QuestionRanker,
    SearchHelpService,
    SearchVocabularyService,
    SearchCompletionsService,
    PeopleSearchService,
    AssetUsageRecorder,
    Bm25Reranker,
    AssetEvidenceReader,
    RelatedAssetsService,
    ReviewQueueRepository,
    ReviewQueueService,
    AssetAnnouncer,
    TagsService,
    SearchClicksService,
  ],
  exports: [
    AssetsRepository,
    AssetsService,
    AssetRevisionsService,
    AssetWorkflowService,
    AssetViewService,
    AttachmentsService,
    AttachmentViewService,
    AssetImportService,
    AssetProjection,
    AssetSearchService,
    SearchCompletionsService,
    PeopleSearchService,
    AssetUsageRecorder,
    AssetEvidenceReader,
    RelatedAssetsService,
    ReviewQueueService,
    TagsService,
    SearchClicksService,
  ],
})
export class KnowledgeModule {}
