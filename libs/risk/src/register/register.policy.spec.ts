import { Principal } from '@lumbung/identity';
import {
  declaresExpertiseAs,
  managesRegisterOf,
  readsPlan,
  readsRegisterOf,
} from './register.policy';

const person = (id: string, opdId: string, grants: Principal['grants']) =>
  new Principal(id, `s-${id}`, opdId, grants);
const people = {
  admin: person('admin', 'opd-x', [{ role: 'asn' }, { role: 'admin' }]),
  opdAdmin: person('opd-admin', 'opd-a', [{ role: 'asn' }, { role: 'opd_admin', opdId: 'opd-a' }]),
  verifier: person('verifier', 'opd-a', [{ role: 'asn' }, { role: 'verifier', opdId: 'opd-a' }]),
  assessor: person('assessor', 'opd-x', [{ role: 'assessor' }]),
  colleague: person('colleague', 'opd-a', [{ role: 'asn' }]),
  otherAdmin: person('other-admin', 'opd-b', [
    { role: 'asn' },
    { role: 'opd_admin', opdId: 'opd-b' },
  ]),
};
type Who = keyof typeof people;
const allowed = (rule: (p: Principal) => boolean): Who[] =>
  (Object.keys(people) as Who[]).filter((who) => rule(people[who]));

describe('who may do what with the knowledge-at-risk register', () => {
  it('reads an OPD’s register: its admins and verifiers, assessors, system admins', () => {
    expect(allowed((p) => readsRegisterOf(p, 'opd-a'))).toEqual([
      'admin',
      'opdAdmin',
      'verifier',
      'assessor',
    ]);
  });

  it('plans interviews and overrides criticality: the OPD’s admins and system admins', () => {
    expect(allowed((p) => managesRegisterOf(p, 'opd-a'))).toEqual(['admin', 'opdAdmin']);
  });

  it('reads one plan: the register’s readers, the person it is for and the interviewer', () => {
    const plan = { opdId: 'opd-a', userId: 'colleague', interviewerId: 'other-admin' };
    expect(allowed((p) => readsPlan(p, plan))).toEqual([
      'admin',
      'opdAdmin',
      'verifier',
      'assessor',
      'colleague',
      'otherAdmin',
    ]);
    const elsewhere = { opdId: 'opd-b', userId: 'someone', interviewerId: 'someone-else' };
    expect(allowed((p) => readsPlan(p, elsewhere))).toEqual(['admin', 'assessor', 'otherAdmin']);
  });

  it('declares expertise as oneself, or as the admin of the person’s OPD, else not at all', () => {
    const colleague = { id: 'colleague', opdId: 'opd-a' };
    expect(declaresExpertiseAs(people.colleague, colleague)).toBe('self');
    expect(declaresExpertiseAs(people.opdAdmin, colleague)).toBe('opd_admin');
    expect(declaresExpertiseAs(people.admin, colleague)).toBe('opd_admin');
    expect(declaresExpertiseAs(people.verifier, colleague)).toBeUndefined();
    expect(declaresExpertiseAs(people.otherAdmin, colleague)).toBeUndefined();
  });
});
