import { Module } from '@nestjs/common';
import { EngagementController } from './engagement/engagement.controller';
import { MyEngagementController } from './engagement/my-engagement.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsModule } from './metrics.module';

/** HTTP routes of usage metrics. */
@Module({
  imports: [MetricsModule],
  controllers: [EngagementController, MyEngagementController, MetricsController],
})
export class MetricsHttpModule {}
