export * from './award.module';
export { AwardYearsService } from './award-years.service';
export { AwardScoresService, toInputs } from './award-scores.service';
export * from './scoring';
export { seedDemoYear, DEMO_YEAR, DEMO_USAGE_RANGE } from './demo/demo-year';
