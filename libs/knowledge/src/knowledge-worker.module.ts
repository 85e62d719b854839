import { Module } from '@nestjs/common';
import { AttachmentJobs } from './attachments/attachment-jobs';
import { OrphanFileSweeper } from './attachments/orphan-sweeper';
import { KnowledgeModule } from './knowledge.module';
import { AssetSearchJobs } from './search/asset-search-jobs';

/** The knowledge context's background jobs (registered with the worker's job runner). */
@Module({
  imports: [KnowledgeModule],
  providers: [AttachmentJobs, AssetSearchJobs, OrphanFileSweeper],
  exports: [AttachmentJobs, AssetSearchJobs, OrphanFileSweeper],
})
export class KnowledgeWorkerModule {}
