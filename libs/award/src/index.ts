export * from './award.module';
export { AwardYearsService } from './award-years.service';
export { AwardScoresService } from './award-scores.service';
export { toInputs } from './award-score-runs.service';
export * from './scoring';
export * from './demo/demo-writers';
export * from './error-codes';
