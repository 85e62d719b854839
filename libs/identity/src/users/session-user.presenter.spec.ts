import { Principal } from '../authz/principal';
import { presentSessionUser } from './session-user.presenter';

describe('session user presenter', () => {
  it('answers the caller with OPD codes for the home OPD and each scoped grant', () => {
    const principal = new Principal('u-1', 's-1', 'opd-a', [
      { role: 'asn' },
      { role: 'verifier', opdId: 'opd-a' },
      { role: 'verifier', opdId: 'opd-gone' },
      { role: 'cop_lead', copId: 'cop-1' },
    ]);
    const dto = presentSessionUser(
      principal,
      { id: 'u-1', nip: '198001012010011001', name: 'Sari', email: 'sari@jakarta.go.id' },
      new Map([['opd-a', 'BAPPEDA']]),
    );
    expect(dto).toEqual({
      id: 'u-1',
      nip: '198001012010011001',
      name: 'Sari',
      email: 'sari@jakarta.go.id',
      opdCode: 'BAPPEDA',
      roles: ['asn', 'verifier', 'cop_lead'],
      grants: [
        { role: 'asn' },
        { role: 'verifier', opdCode: 'BAPPEDA' },
        { role: 'verifier', opdCode: '' },
        { role: 'cop_lead', copId: 'cop-1' },
      ],
      permissions: [...principal.permissions].sort(),
    });
  });
});
