export * from './community.module';
export * from './community-http.module';
export * from './meetings/topic';
export * from './demo/demo-cops';
export * from './demo/demo-writers';
export { CopEvidenceReader, type CopInvolvement } from './cops/cop-evidence.reader';
export { AWARD_YEAR_LOCK, type AwardYearLock } from './meetings/award-year-lock.port';
export * from './error-codes';
