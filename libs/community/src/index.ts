export * from './community.module';
export * from './community-http.module';
export * from './meetings/topic';
export * from './demo-cops';
export * from './community-worker.module';
