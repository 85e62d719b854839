export * from './community.module';
export * from './community-http.module';
export * from './meetings/wib';
export * from './demo-cops';
export * from './community-worker.module';
