import { Global, Module } from '@nestjs/common';
import { UsageEventLog } from '@lumbung/platform';
import { UsageEventStore } from './usage-event.store';

/**
 * Provides platform's `UsageEventLog` port from the table this lib owns. Global because the
 * contexts that record usage (libs/knowledge) sit upstream of metrics and cannot import it; a
 * process that records usage imports this module (MetricsModule does).
 */
@Global()
@Module({
  providers: [{ provide: UsageEventLog, useClass: UsageEventStore }],
  exports: [UsageEventLog],
})
export class UsageEventsModule {}
