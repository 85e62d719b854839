import { Identity1764460800000 } from './1764460800000-identity';
import { Knowledge1764547200000 } from './1764547200000-knowledge';

/** Every migration, oldest first. New migrations are appended here. */
export const MIGRATIONS = [Identity1764460800000, Knowledge1764547200000];
