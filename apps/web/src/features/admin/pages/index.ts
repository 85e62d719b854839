/**
 * Every admin page in one lazy chunk: the sections share most of their components, and one chunk
 * for the section (instead of eight) keeps the shell's shared chunks as few as before.
 */
export { AuditPage } from './audit-page';
export { ImportPage } from './import-page';
export { InsightsPage } from './insights-page';
export { JobsPage } from './jobs-page';
export { OpdsPage } from './opds-page';
export { SynonymsPage } from './synonyms-page';
export { UserPage } from './user-page';
export { UsersPage } from './users-page';
