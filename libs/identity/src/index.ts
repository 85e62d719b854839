export * from './identity.module';
export * from './identity-http.module';
export * from './authz/permissions';
export * from './authz/principal';
export * from './authz/decorators';
export * from './opds/opds.service';
export * from './opds/opd-directory.data';
export * from './users/nip';
export * from './seed/reference-data';
export * from './seed/demo-seed';
export * from './seed/demo-people';
export * from './seed/demo-directory';
export * from './users/user-directory.service';
export * from './users/people-finder';
export * from './users/personnel.directory';
export * from './users/recipient.directory';
export { CopLeadRoles } from './users/cop-lead-roles';
export {
  DEPARTURE_REASONS,
  type DepartureReason,
  JABATAN_CATEGORIES,
  type JabatanCategory,
} from './users/user.entity';
export { COP_MEMBERSHIP_SOURCE, type CopMembershipSource } from './authz/principal.loader';
export * from './error-codes';
