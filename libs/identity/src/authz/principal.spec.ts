import { Permission, type Role, ROLE_PERMISSIONS, ROLES } from './permissions';
import { Principal } from './principal';

const sorted = (set: ReadonlySet<Permission>): Permission[] => [...set].sort();

describe('Principal', () => {
  it('keeps its identity fields', () => {
    const p = new Principal('user-1', 'session-1', 'opd-a', [{ role: 'asn' }]);
    expect([p.userId, p.sessionId, p.opdId]).toEqual(['user-1', 'session-1', 'opd-a']);
    expect(p.grants).toEqual([{ role: 'asn' }]);
  });

  it.each(ROLES.map((role) => [role]))('gives %s exactly its ROLE_PERMISSIONS', (role: Role) => {
    const p = new Principal('u', 's', 'opd-a', [{ role, opdId: 'opd-a' }]);
    expect(sorted(p.permissions)).toEqual([...ROLE_PERMISSIONS[role]].sort());
  });

  it('matches the documented permission table', () => {
    const perms = (role: Role) => sorted(new Principal('u', 's', 'o', [{ role }]).permissions);
    const participant = [
      'asset:contribute',
      'asset:engage',
      'cop:participate',
      'cop:read',
      'metrics:read',
      'session:manage',
    ];
    expect(perms('asn')).toEqual(participant);
    expect(perms('verifier')).toEqual([
      'asset:contribute',
      'asset:engage',
      'asset:verify',
      'cop:participate',
      'cop:read',
      'metrics:read',
      'risk:read',
      'session:manage',
    ]);
    expect(perms('cop_lead')).toEqual(participant);
    // Assessors read and score; the role alone writes nothing.
    expect(perms('assessor')).toEqual([
      'award:assess',
      'cop:read',
      'metrics:read',
      'metrics:read_all',
      'risk:read',
      'search:insights',
      'session:manage',
    ]);
    expect(perms('opd_admin')).toEqual([
      'asset:contribute',
      'asset:engage',
      'cop:manage',
      'cop:participate',
      'cop:read',
      'metrics:read',
      'risk:manage',
      'risk:read',
      'search:insights',
      'session:manage',
      'user:manage',
      'user:read',
    ]);
    expect(perms('admin')).toEqual([
      'asset:contribute',
      'asset:engage',
      'asset:import',
      'audit:read',
      'award:manage',
      'cop:manage',
      'cop:participate',
      'cop:read',
      'jobs:manage',
      'metrics:read',
      'metrics:read_all',
      'opd:manage',
      'risk:manage',
      'risk:read',
      'search:insights',
      'search:settings',
      'session:manage',
      'user:manage',
      'user:read',
    ]);
  });

  it('unions the permissions of every grant without duplicates', () => {
    const p = new Principal('u', 's', 'opd-a', [
      { role: 'asn' },
      { role: 'verifier', opdId: 'opd-a' },
      { role: 'opd_admin', opdId: 'opd-a' },
      { role: 'opd_admin', opdId: 'opd-b' },
    ]);
    expect(sorted(p.permissions)).toEqual([
      Permission.AssetContribute,
      Permission.AssetEngage,
      Permission.AssetVerify,
      Permission.CopManage,
      Permission.CopParticipate,
      Permission.CopRead,
      Permission.MetricsRead,
      Permission.RiskManage,
      Permission.RiskRead,
      Permission.SearchInsightsRead,
      Permission.SessionManage,
      Permission.UserManage,
      Permission.UserRead,
    ]);
    expect(p.permissions.size).toBe(13);
  });

  it('has no permissions without grants', () => {
    const p = new Principal('u', 's', 'opd-a', []);
    expect(p.permissions.size).toBe(0);
    expect(p.can(Permission.SessionManage)).toBe(false);
    expect(p.isAdmin).toBe(false);
  });

  describe('can', () => {
    it('answers per permission', () => {
      const opdAdmin = new Principal('u', 's', 'opd-a', [
        { role: 'asn' },
        { role: 'opd_admin', opdId: 'opd-a' },
      ]);
      expect(opdAdmin.can(Permission.SessionManage)).toBe(true);
      expect(opdAdmin.can(Permission.UserRead)).toBe(true);
      expect(opdAdmin.can(Permission.UserManage)).toBe(true);
      expect(opdAdmin.can(Permission.OpdManage)).toBe(false);

      const asn = new Principal('u', 's', 'opd-a', [{ role: 'asn' }]);
      expect(asn.can(Permission.SessionManage)).toBe(true);
      expect(asn.can(Permission.UserRead)).toBe(false);
      expect(asn.can(Permission.UserManage)).toBe(false);
    });

    it('lets the admin do everything except verify assets and score the award (verifiers’ and assessors’ jobs)', () => {
      const admin = new Principal('u', 's', 'opd-a', [{ role: 'admin' }]);
      for (const permission of Object.values(Permission)) {
        expect(admin.can(permission)).toBe(
          permission !== Permission.AssetVerify && permission !== Permission.AwardAssess,
        );
      }
    });
  });

  describe('hasRole and isAdmin', () => {
    it('reports held roles only', () => {
      const p = new Principal('u', 's', 'opd-a', [
        { role: 'asn' },
        { role: 'cop_lead', copId: 'cop-1' },
      ]);
      expect(p.hasRole('asn')).toBe(true);
      expect(p.hasRole('cop_lead')).toBe(true);
      expect(p.hasRole('verifier')).toBe(false);
      expect(p.hasRole('admin')).toBe(false);
      expect(p.isAdmin).toBe(false);
    });

    it('is admin only with the admin role', () => {
      expect(new Principal('u', 's', 'o', [{ role: 'asn' }, { role: 'admin' }]).isAdmin).toBe(true);
      expect(new Principal('u', 's', 'o', [{ role: 'assessor' }]).isAdmin).toBe(false);
      expect(new Principal('u', 's', 'o', [{ role: 'opd_admin', opdId: 'o' }]).isAdmin).toBe(false);
    });
  });

  describe('opdsWhere', () => {
    const p = new Principal('u', 's', 'opd-a', [
      { role: 'asn' },
      { role: 'verifier', opdId: 'opd-a' },
      { role: 'opd_admin', opdId: 'opd-a' },
      { role: 'opd_admin', opdId: 'opd-c' },
      { role: 'cop_lead', copId: 'cop-1' },
    ]);

    it('lists the OPDs of the given scoped role, in grant order', () => {
      expect(p.opdsWhere('opd_admin')).toEqual(['opd-a', 'opd-c']);
      expect(p.opdsWhere('verifier')).toEqual(['opd-a']);
    });

    it('is empty for roles not held or not OPD-scoped', () => {
      expect(p.opdsWhere('admin')).toEqual([]);
      expect(p.opdsWhere('asn')).toEqual([]);
      expect(p.opdsWhere('cop_lead')).toEqual([]);
    });

    it('skips grants without an OPD id', () => {
      const unscoped = new Principal('u', 's', 'opd-a', [
        { role: 'opd_admin' },
        { role: 'opd_admin', opdId: '' },
      ]);
      expect(unscoped.opdsWhere('opd_admin')).toEqual([]);
    });
  });
});
