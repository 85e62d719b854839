export * from './risk.module';
export * from './risk-http.module';
export * from './risk-worker.module';
export { CoverageService, type CoveragePeriod } from './coverage-metric/coverage.service';
export { seedDemoRisk } from './demo/demo-risk';
