import { Principal } from '../authz/principal';
import {
  administeredOpds,
  administers,
  forbiddenRole,
  grantsFor,
  mayManage,
  USER_API_ROLES,
} from './user-admin.policy';

const admin = new Principal('u-admin', 's-1', 'opd-x', [{ role: 'asn' }, { role: 'admin' }]);
const opdAdminA = new Principal('u-oa', 's-2', 'opd-a', [
  { role: 'asn' },
  { role: 'opd_admin', opdId: 'opd-a' },
]);
const verifierA = new Principal('u-v', 's-3', 'opd-a', [
  { role: 'asn' },
  { role: 'verifier', opdId: 'opd-a' },
]);
const asn = new Principal('u-asn', 's-4', 'opd-a', [{ role: 'asn' }]);
const assessor = new Principal('u-as', 's-5', 'opd-a', [{ role: 'asn' }, { role: 'assessor' }]);

describe('administeredOpds', () => {
  it('is undefined (every OPD) for the system admin', () => {
    expect(administeredOpds(admin)).toBeUndefined();
  });

  it('lists the OPDs where the actor is opd_admin', () => {
    expect(administeredOpds(opdAdminA)).toEqual(['opd-a']);
    const twoOpds = new Principal('u', 's', 'opd-a', [
      { role: 'opd_admin', opdId: 'opd-a' },
      { role: 'opd_admin', opdId: 'opd-b' },
    ]);
    expect(administeredOpds(twoOpds)).toEqual(['opd-a', 'opd-b']);
  });

  it('is empty for verifiers, assessors and plain ASN', () => {
    expect(administeredOpds(verifierA)).toEqual([]);
    expect(administeredOpds(assessor)).toEqual([]);
    expect(administeredOpds(asn)).toEqual([]);
  });
});

describe('administers', () => {
  it('is true for the admin on any OPD', () => {
    expect(administers(admin, 'opd-a')).toBe(true);
    expect(administers(admin, 'opd-b')).toBe(true);
  });

  it('is true for an opd_admin on their own OPD only', () => {
    expect(administers(opdAdminA, 'opd-a')).toBe(true);
    expect(administers(opdAdminA, 'opd-b')).toBe(false);
  });

  it('is false for roles without administration', () => {
    expect(administers(verifierA, 'opd-a')).toBe(false);
    expect(administers(assessor, 'opd-a')).toBe(false);
    expect(administers(asn, 'opd-a')).toBe(false);
  });
});

describe('forbiddenRole', () => {
  describe('admin', () => {
    it('may grant every user-API role in any OPD', () => {
      expect(USER_API_ROLES).toEqual(['asn', 'verifier', 'opd_admin', 'assessor', 'admin']);
      expect(forbiddenRole(admin, [...USER_API_ROLES], 'opd-b')).toBeUndefined();
      expect(forbiddenRole(admin, [], 'opd-b')).toBeUndefined();
    });

    it('may not grant cop_lead through this API', () => {
      expect(forbiddenRole(admin, ['asn', 'cop_lead'], 'opd-a')).toBe('cop_lead');
    });

    it('returns unknown role names as forbidden', () => {
      expect(forbiddenRole(admin, ['superuser'], 'opd-a')).toBe('superuser');
      expect(forbiddenRole(admin, ['Admin'], 'opd-a')).toBe('Admin');
      expect(forbiddenRole(admin, [''], 'opd-a')).toBe('');
    });

    it('returns the first forbidden role in request order', () => {
      expect(forbiddenRole(admin, ['asn', 'bogus', 'cop_lead'], 'opd-a')).toBe('bogus');
    });
  });

  describe('opd_admin of OPD A', () => {
    it('may grant asn, verifier and opd_admin to users of A', () => {
      expect(forbiddenRole(opdAdminA, ['asn', 'verifier', 'opd_admin'], 'opd-a')).toBeUndefined();
    });

    it.each(['assessor', 'admin', 'cop_lead'])('may never grant %s', (role) => {
      expect(forbiddenRole(opdAdminA, ['asn', role], 'opd-a')).toBe(role);
    });

    it.each(['asn', 'verifier', 'opd_admin'])('may not grant %s to a user of OPD B', (role) => {
      expect(forbiddenRole(opdAdminA, [role], 'opd-b')).toBe(role);
    });

    it('returns unknown role names as forbidden', () => {
      expect(forbiddenRole(opdAdminA, ['kepala'], 'opd-a')).toBe('kepala');
    });
  });

  describe('actors without user administration', () => {
    it.each([
      ['a verifier', verifierA],
      ['an assessor', assessor],
      ['a plain asn', asn],
    ])('%s may not grant even asn', (_label, actor) => {
      expect(forbiddenRole(actor, ['asn'], 'opd-a')).toBe('asn');
    });

    it('an assessor who is also opd_admin still may not grant assessor', () => {
      const both = new Principal('u', 's', 'opd-a', [
        { role: 'assessor' },
        { role: 'opd_admin', opdId: 'opd-a' },
      ]);
      expect(forbiddenRole(both, ['verifier'], 'opd-a')).toBeUndefined();
      expect(forbiddenRole(both, ['assessor'], 'opd-a')).toBe('assessor');
    });
  });
});

describe('mayManage', () => {
  it('lets the admin manage anyone, including other admins', () => {
    expect(mayManage(admin, [{ role: 'asn' }, { role: 'admin' }])).toBe(true);
    expect(mayManage(admin, [{ role: 'assessor' }])).toBe(true);
  });

  it('stops an opd_admin from managing an admin or an assessor', () => {
    expect(mayManage(opdAdminA, [{ role: 'asn' }, { role: 'admin' }])).toBe(false);
    expect(mayManage(opdAdminA, [{ role: 'asn' }, { role: 'assessor' }])).toBe(false);
  });

  it('lets an opd_admin manage users ranked at or below opd_admin', () => {
    expect(mayManage(opdAdminA, [{ role: 'asn' }])).toBe(true);
    expect(mayManage(opdAdminA, [{ role: 'asn' }, { role: 'verifier' }])).toBe(true);
    expect(mayManage(opdAdminA, [{ role: 'cop_lead' }])).toBe(true);
    expect(mayManage(opdAdminA, [{ role: 'opd_admin' }])).toBe(true);
    expect(mayManage(opdAdminA, [])).toBe(true);
  });

  it('stops a verifier from managing an opd_admin', () => {
    expect(mayManage(verifierA, [{ role: 'opd_admin' }])).toBe(false);
    expect(mayManage(verifierA, [{ role: 'verifier' }])).toBe(true);
  });
});

describe('grantsFor', () => {
  it('always includes asn', () => {
    expect(grantsFor([], 'opd-a')).toStrictEqual([{ role: 'asn' }]);
  });

  it('leaves an assessor-only account without asn (assessors write nothing)', () => {
    expect(grantsFor(['assessor'], 'opd-a')).toStrictEqual([{ role: 'assessor' }]);
    expect(grantsFor(['assessor', 'asn'], 'opd-a')).toStrictEqual([
      { role: 'asn' },
      { role: 'assessor' },
    ]);
  });

  it('scopes verifier and opd_admin to the OPD and keeps global roles unscoped', () => {
    expect(grantsFor(['verifier', 'opd_admin', 'assessor', 'admin'], 'opd-a')).toStrictEqual([
      { role: 'asn' },
      { role: 'verifier', opdId: 'opd-a' },
      { role: 'opd_admin', opdId: 'opd-a' },
      { role: 'assessor' },
      { role: 'admin' },
    ]);
  });

  it('collapses duplicates and drops cop_lead and unknown names', () => {
    expect(
      grantsFor(['verifier', 'asn', 'verifier', 'cop_lead', 'bogus', 'asn'], 'opd-b'),
    ).toStrictEqual([{ role: 'asn' }, { role: 'verifier', opdId: 'opd-b' }]);
  });
});
