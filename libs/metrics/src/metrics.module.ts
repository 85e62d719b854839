import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { EngagementReader } from './engagement/engagement.reader';
import { EngagementService } from './engagement/engagement.service';
import { AnomalyFlagsService } from './metrics/anomaly-flags.service';
import { AssetMetricsService } from './metrics/asset-metrics.service';
import { AssetTitlesReader } from './metrics/asset-titles.reader';
import { MetricsService } from './metrics/metrics.service';
import { MetricsViewService } from './metrics/metrics-view.service';
import { MetricsEvidenceReader } from './metrics/metrics-evidence.reader';
import { PopularAssetsService } from './metrics/popular-assets.service';
import { MyEngagementService } from './engagement/my-engagement.service';
import { PseudonymiseService } from './rollup/pseudonymise.service';
import { UsageRollupService } from './rollup/usage-rollup.service';
import { UsageEventsModule } from './usage/usage-events.module';

/** Usage metrics: engagement, rollups, per-OPD inputs and who may see them (no HTTP). */
@Module({
  imports: [IdentityModule, KnowledgeModule, UsageEventsModule],
  providers: [
    EngagementService,
    EngagementReader,
    MetricsService,
    MetricsViewService,
    AnomalyFlagsService,
    AssetMetricsService,
    AssetTitlesReader,
    MetricsEvidenceReader,
    PopularAssetsService,
    MyEngagementService,
    UsageRollupService,
    PseudonymiseService,
  ],
  exports: [
    EngagementService,
    EngagementReader,
    MetricsService,
    MetricsViewService,
    AnomalyFlagsService,
    AssetMetricsService,
    MetricsEvidenceReader,
    PopularAssetsService,
    MyEngagementService,
    UsageRollupService,
    PseudonymiseService,
  ],
})
export class MetricsModule {}
