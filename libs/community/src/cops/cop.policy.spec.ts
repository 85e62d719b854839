import { Principal } from '@lumbung/identity';
import {
  administersCop,
  copViewer,
  managesMembers,
  runsCop,
  seesCopActivity,
  seesOpdActivity,
} from './cop.policy';

/** A CoP hosted by OPD A; OPD B is elsewhere. */
const cop = { id: 'cop-1', opdId: 'opd-a' };

const person = (id: string, opdId: string, grants: Principal['grants'], cops: string[] = []) =>
  new Principal(id, `s-${id}`, opdId, grants, cops);
const people = {
  admin: person('admin', 'opd-x', [{ role: 'asn' }, { role: 'admin' }]),
  hostAdmin: person('host-admin', 'opd-a', [
    { role: 'asn' },
    { role: 'opd_admin', opdId: 'opd-a' },
  ]),
  otherAdmin: person('other-admin', 'opd-b', [
    { role: 'asn' },
    { role: 'opd_admin', opdId: 'opd-b' },
  ]),
  lead: person('lead', 'opd-b', [{ role: 'asn' }, { role: 'cop_lead', copId: 'cop-1' }], ['cop-1']),
  member: person('member', 'opd-b', [{ role: 'asn' }], ['cop-1']),
  hostStaff: person('host-staff', 'opd-a', [{ role: 'asn' }]),
  assessor: person('assessor', 'opd-x', [{ role: 'assessor' }]),
  outsider: person('outsider', 'opd-b', [{ role: 'asn' }]),
};
type Who = keyof typeof people;

/** Everyone for whom the rule holds, in the order of `people`. */
const allowed = (rule: (p: Principal) => boolean): Who[] =>
  (Object.keys(people) as Who[]).filter((who) => rule(people[who]));

describe('who may do what in a CoP', () => {
  it('manages the CoP itself (details, leads): host OPD admins and system admins', () => {
    expect(allowed((p) => administersCop(p, cop))).toEqual(['admin', 'hostAdmin']);
  });

  it('runs it (meetings, members): its leads and host OPD admins, not system admins as such', () => {
    expect(allowed((p) => runsCop(p, cop))).toEqual(['hostAdmin', 'lead']);
  });

  it('manages members and join requests: those who run it, and system admins', () => {
    expect(allowed((p) => managesMembers(p, cop))).toEqual(['admin', 'hostAdmin', 'lead']);
  });

  it('sees its meetings and activity: members, the host OPD, assessors and admins', () => {
    expect(allowed((p) => seesCopActivity(p, cop))).toEqual([
      'admin',
      'hostAdmin',
      'lead',
      'member',
      'hostStaff',
      'assessor',
    ]);
  });

  it('sees an OPD’s activity: its own people, assessors and admins', () => {
    expect(allowed((p) => seesOpdActivity(p, 'opd-a'))).toEqual([
      'admin',
      'hostAdmin',
      'hostStaff',
      'assessor',
    ]);
  });

  it('tells the detail page what the caller is there and may do', () => {
    expect(copViewer(people.lead, cop)).toEqual({
      member: true,
      lead: true,
      runs: true,
      seesActivity: true,
      mayJoin: false,
    });
    expect(copViewer(people.outsider, cop)).toEqual({
      member: false,
      lead: false,
      runs: false,
      seesActivity: false,
      mayJoin: true,
    });
    // An assessor-only account takes no part in CoPs (no cop:participate).
    expect(copViewer(people.assessor, cop).mayJoin).toBe(false);
  });
});
