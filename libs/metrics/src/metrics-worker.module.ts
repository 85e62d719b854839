import { Module } from '@nestjs/common';
import { MetricsModule } from './metrics.module';
import { UsageRollupScheduler } from './rollup/usage-rollup.scheduler';

/** The worker side of usage metrics: incremental rollups and pseudonymisation on a schedule. */
@Module({
  imports: [MetricsModule],
  providers: [UsageRollupScheduler],
})
export class MetricsWorkerModule {}
