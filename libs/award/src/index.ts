export * from './award.module';
export { AwardYearsService } from './award-years.service';
export { AwardScoresService, toInputs } from './award-scores.service';
export * from './scoring';
export * from './demo/demo-writers';
export * from './error-codes';
