import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, QUEUES } from '@lumbung/platform';
import { InterviewSyncService } from './interview-sync.service';

/** The worker side: an interview published in the knowledge context moves its person's plan. */
@Injectable()
export class InterviewSyncJobs implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly sync: InterviewSyncService,
  ) {}

  onModuleInit(): void {
    this.runner.register({
      queue: QUEUES.interviewPublished,
      handle: async (payload) => {
        const narasumberId = payload.narasumberId;
        if (typeof narasumberId === 'string') await this.sync.reconcile([narasumberId]);
      },
    });
  }
}
