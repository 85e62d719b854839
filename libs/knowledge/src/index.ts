export * from './knowledge.module';
export * from './knowledge-http.module';
export * from './knowledge-worker.module';
export * from './assets/asset-types';
export * from './assets/completeness';
export * from './search/asset-search-jobs';
