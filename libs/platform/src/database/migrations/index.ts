import { Identity1764460800000 } from './1764460800000-identity';

/** Every migration, oldest first. New migrations are appended here. */
export const MIGRATIONS = [Identity1764460800000];
