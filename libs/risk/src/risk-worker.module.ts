import { Module } from '@nestjs/common';
import { InterviewSyncJobs } from './plans/interview-sync.jobs';
import { RiskModule } from './risk.module';

/** The worker side: retention plans follow their published interviews. */
@Module({ imports: [RiskModule], providers: [InterviewSyncJobs] })
export class RiskWorkerModule {}
