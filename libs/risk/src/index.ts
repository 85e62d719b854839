export * from './risk.module';
export * from './risk-http.module';
export * from './risk-worker.module';
export { CoverageService, type CoveragePeriod } from './coverage-metric/coverage.service';
export { BUP_YEARS, statutoryRetirement } from './departure/departure';
export type { PlanState } from './plans/plan-state';
export * from './demo/demo-writers';
export * from './error-codes';
