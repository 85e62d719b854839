import { Module } from '@nestjs/common';
import { AttachmentJobs } from './attachments/attachment-jobs';
import { KnowledgeModule } from './knowledge.module';
import { AssetSearchJobs } from './search/asset-search-jobs';

/** The knowledge context's background jobs (registered with the worker's job runner). */
@Module({
  imports: [KnowledgeModule],
  providers: [AttachmentJobs, AssetSearchJobs],
  exports: [AttachmentJobs, AssetSearchJobs],
})
export class KnowledgeWorkerModule {}
