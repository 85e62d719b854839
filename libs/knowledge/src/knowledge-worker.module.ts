import { Module } from '@nestjs/common';
import { AttachmentJobs } from './attachments/attachment-jobs';
import { KnowledgeModule } from './knowledge.module';

/** The knowledge context's background jobs (registered with the worker's job runner). */
@Module({ imports: [KnowledgeModule], providers: [AttachmentJobs], exports: [AttachmentJobs] })
export class KnowledgeWorkerModule {}
