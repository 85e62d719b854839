import { Module } from '@nestjs/common';
import { NotificationsModule } from '@lumbung/notifications';
import { AttachmentJobs } from './attachments/attachment-jobs';
import { OrphanFileSweeper } from './attachments/orphan-sweeper';
import { KnowledgeModule } from './knowledge.module';
import { ReverificationDueScan } from './review/reverification-due.scan';

/** The knowledge context's background jobs (registered with the worker's job runner). */
@Module({
  imports: [KnowledgeModule, NotificationsModule],
  providers: [AttachmentJobs, ReverificationDueScan, OrphanFileSweeper],
  exports: [AttachmentJobs, OrphanFileSweeper],
})
export class KnowledgeWorkerModule {}
