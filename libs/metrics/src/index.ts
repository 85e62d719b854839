export * from './metrics.module';
export * from './metrics-http.module';
export * from './metrics-worker.module';
export { UsageEventsModule } from './usage/usage-events.module';
export { UsageRollupService } from './rollup/usage-rollup.service';
export { PseudonymiseService } from './rollup/pseudonymise.service';
export { isDay, periodDays, periodKey } from './rollup/periods';
export {
  documentedMeetingSql,
  MetricsService,
  periodBounds,
  type Period,
} from './metrics/metrics.service';
export { MetricsViewService } from './metrics/metrics-view.service';
export { AnomalyFlagsService, type AnomalyFlag } from './metrics/anomaly-flags.service';
export {
  MetricsEvidenceReader,
  type OpdReuseReport,
  type UsageChanges,
} from './metrics/metrics-evidence.reader';
export type { OpdMetrics } from './metrics/opd-metrics';
export {
  METRIC_DEFINITIONS,
  type MetricDefinition,
  type MetricUnit,
} from './metrics/metric-definitions';
export { AnomalyFlagDto } from './metrics/dto/anomaly-flag.dto';
export { OpdMetricsDto } from './metrics/dto/opd-metrics.dto';
export { EngagementReader, type AssetEngagement } from './engagement/engagement.reader';
export * from './demo/demo-writers';
export * from './error-codes';
