import { Module } from '@nestjs/common';
import { AssetSearchJobs } from './assets/asset-search-jobs';
import { AssetSearchModule } from './assets/asset-search.module';
import { MeetingSearchJobs } from './meetings/meeting-search-jobs';

/** Search's background jobs: documents follow their owners' changes; settings; drift repair. */
@Module({
  imports: [AssetSearchModule],
  providers: [AssetSearchJobs, MeetingSearchJobs],
  exports: [AssetSearchJobs, MeetingSearchJobs],
})
export class SearchWorkerModule {}
