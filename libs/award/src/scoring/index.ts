export * from './inputs';
export * from './rubric';
export * from './normalise';
export * from './score';
export * from './rank';
