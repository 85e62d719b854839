import { AssetUsageRecorder } from './usage/asset-usage.recorder';
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
import { AssetsService } from './assets/assets.service';
import { RelatedAssetsService } from './assets/related-assets.service';
import { AttachmentViewService } from './attachments/attachment-view.service';
import { AttachmentsService } from './attachments/attachments.service';
import { AssetImportService } from './import/asset-import.service';
import { ReviewQueueRepository } from './review/review-queue.repository';
import { ReviewQueueService } from './review/review-queue.service';

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
    AssetUsageRecorder,
    AssetEvidenceReader,
    RelatedAssetsService,
    ReviewQueueRepository,
    ReviewQueueService,
    AssetAnnouncer,
    TagsService,
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
    AssetUsageRecorder,
    AssetEvidenceReader,
    RelatedAssetsService,
    ReviewQueueService,
    TagsService,
  ],
})
export class KnowledgeModule {}
