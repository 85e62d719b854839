import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { NotificationsModule } from '@lumbung/notifications';
import { InterviewDueScan } from './plans/interview-due.scan';
import { InterviewSyncJobs } from './plans/interview-sync.jobs';
import { RiskModule } from './risk.module';

/** The worker side: retention plans follow their published interviews; due interviews are announced. */
@Module({
  imports: [RiskModule, IdentityModule, NotificationsModule],
  providers: [InterviewSyncJobs, InterviewDueScan],
})
export class RiskWorkerModule {}
