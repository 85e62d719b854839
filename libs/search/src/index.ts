export * from './search-client';
export * from './search.module';
