import { type Permission, type Role, ROLE_PERMISSIONS } from './permissions';

export interface RoleGrant {
  readonly role: Role;
  /** OPD the role is scoped to (verifier, opd_admin). */
  readonly opdId?: string;
  /** CoP the role is scoped to (cop_lead). */
  readonly copId?: string;
}

/** The authenticated caller, loaded fresh from the database on every request. */
export class Principal {
  readonly permissions: ReadonlySet<Permission>;

  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly opdId: string,
    readonly grants: readonly RoleGrant[],
    /** CoPs the user is a member of now (read fresh on every request). */
    readonly memberCopIds: readonly string[] = [],
  ) {
    this.permissions = new Set(grants.flatMap((g) => ROLE_PERMISSIONS[g.role]));
  }

  can(permission: Permission): boolean {
    return this.permissions.has(permission);
  }

  hasRole(role: Role): boolean {
    return this.grants.some((g) => g.role === role);
  }

  get isAdmin(): boolean {
    return this.hasRole('admin');
  }

  get isAssessor(): boolean {
    return this.hasRole('assessor');
  }

  /** CoPs whose `cop`-visibility content the caller may read: their memberships and the CoPs they lead. */
  get copIds(): string[] {
    const led = this.grants.filter((g) => g.copId).map((g) => g.copId as string);
    return [...new Set([...this.memberCopIds, ...led])];
  }

  /** CoPs the caller leads. */
  get ledCopIds(): string[] {
    return this.grants
      .filter((g) => g.role === 'cop_lead' && g.copId)
      .map((g) => g.copId as string);
  }

  /** OPD ids in which the caller holds the given OPD-scoped role. */
  opdsWhere(role: Role): string[] {
    return this.grants.filter((g) => g.role === role && g.opdId).map((g) => g.opdId as string);
  }
}
