import { Module } from '@nestjs/common';
import { MeetingSearchJobs } from './meetings/meeting-search';

/** The community context's background jobs (meeting minutes into search). */
@Module({ providers: [MeetingSearchJobs], exports: [MeetingSearchJobs] })
export class CommunityWorkerModule {}
