import { Global, Module } from '@nestjs/common';
import { JobRunner } from './job-runner';
import { JobsService } from './jobs.service';

@Global()
@Module({ providers: [JobsService, JobRunner], exports: [JobsService, JobRunner] })
export class JobsModule {}
