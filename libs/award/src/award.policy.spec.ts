import { Principal } from '@lumbung/identity';
import { seesAssessorNames, seesOpenYears } from './award.policy';

const person = (grants: Principal['grants']) => new Principal('u', 's', 'opd-a', grants);
const people = {
  admin: person([{ role: 'asn' }, { role: 'admin' }]),
  assessor: person([{ role: 'assessor' }]),
  opdAdmin: person([{ role: 'asn' }, { role: 'opd_admin', opdId: 'opd-a' }]),
  verifier: person([{ role: 'asn' }, { role: 'verifier', opdId: 'opd-a' }]),
  asn: person([{ role: 'asn' }]),
};
type Who = keyof typeof people;
const allowed = (rule: (p: Principal) => boolean): Who[] =>
  (Object.keys(people) as Who[]).filter((who) => rule(people[who]));

describe('who sees what of the award', () => {
  it('shows open years and their ranking to assessors and admins only', () => {
    expect(allowed(seesOpenYears)).toEqual(['admin', 'assessor']);
  });

  it('names assessors beside their scores for assessors and admins only', () => {
    expect(allowed(seesAssessorNames)).toEqual(['admin', 'assessor']);
  });
});
