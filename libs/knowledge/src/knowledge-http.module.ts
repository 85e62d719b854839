import { Module } from '@nestjs/common';
import { AssetRevisionsController } from './assets/asset-revisions.controller';
import { AssetTypesController } from './assets/asset-types.controller';
import { AssetWorkflowController } from './assets/asset-workflow.controller';
import { AssetsController } from './assets/assets.controller';
import { AttachmentsController } from './attachments/attachments.controller';
import { AssetImportController } from './import/asset-import.controller';
import { RelatedAssetsController } from './assets/related-assets.controller';
import { KnowledgeModule } from './knowledge.module';
import { ReviewQueueController } from './review/review-queue.controller';
import { TagsController } from './assets/tags.controller';

/** HTTP routes of the knowledge context. */
@Module({
  imports: [KnowledgeModule],
  controllers: [
    AssetTypesController,
    AssetImportController,
    AssetsController,
    AssetWorkflowController,
    RelatedAssetsController,
    AssetRevisionsController,
    AttachmentsController,
    ReviewQueueController,
    TagsController,
  ],
})
export class KnowledgeHttpModule {}
