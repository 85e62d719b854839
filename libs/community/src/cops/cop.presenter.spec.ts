import { presentCop, presentCopDetail, presentMember, presentRequest } from './cop.presenter';

const at = new Date('2025-06-10T02:00:00.000Z');

describe('CoP presenters', () => {
  it('answers a CoP row in the API’s names, its date as ISO text', () => {
    expect(
      presentCop({
        id: 'cop-1',
        name: 'Komunitas Perencana',
        theme: 'Anggaran',
        opdId: 'opd-a',
        opdCode: 'BAPPEDA',
        description: 'Berbagi praktik baik.',
        status: 'aktif',
        skReference: null,
        createdAt: at,
        updatedAt: at,
        leadIds: ['u-1'],
        memberCount: 3,
      }),
    ).toEqual({
      id: 'cop-1',
      name: 'Komunitas Perencana',
      theme: 'Anggaran',
      opdCode: 'BAPPEDA',
      description: 'Berbagi praktik baik.',
      status: 'aktif',
      skReference: null,
      leadIds: ['u-1'],
      memberCount: 3,
      createdAt: '2025-06-10T02:00:00.000Z',
    });
  });

  it('answers a membership with its end only when it ended', () => {
    const member = {
      userId: 'u-1',
      name: 'Sekar',
      opdCode: 'BAPPEDA',
      joinedAt: at,
      leftAt: null,
      isLead: true,
    };
    expect(presentMember(member)).toEqual({
      userId: 'u-1',
      name: 'Sekar',
      opdCode: 'BAPPEDA',
      joinedAt: '2025-06-10T02:00:00.000Z',
      leftAt: null,
      isLead: true,
    });
    expect(presentMember({ ...member, leftAt: at }).leftAt).toBe('2025-06-10T02:00:00.000Z');
  });

  it('answers a join request with its decision date only once decided', () => {
    const request = {
      id: 'r-1',
      copId: 'cop-1',
      userId: 'u-2',
      name: 'Bima',
      nip: '198501012010011001',
      opdCode: 'DINKES',
      status: 'pending',
      requestedAt: at,
      decidedAt: null,
    };
    expect(presentRequest(request)).toEqual({
      id: 'r-1',
      copId: 'cop-1',
      userId: 'u-2',
      name: 'Bima',
      nip: '198501012010011001',
      opdCode: 'DINKES',
      status: 'pending',
      requestedAt: '2025-06-10T02:00:00.000Z',
      decidedAt: null,
    });
  });

  it('answers a CoP’s detail with its leads and what the caller may do there', () => {
    const cop = {
      id: 'cop-1',
      name: 'Komunitas Perencana',
      theme: 'Anggaran',
      opdId: 'opd-a',
      opdCode: 'BAPPEDA',
      description: 'Berbagi praktik baik.',
      status: 'aktif',
      skReference: null,
      createdAt: at,
      updatedAt: at,
      leadIds: ['u-1'],
      memberCount: 3,
    };
    const dto = presentCopDetail(
      cop,
      { opdName: 'Bappeda', leads: [{ userId: 'u-1', name: 'Sari', opdCode: 'BAPPEDA' }] },
      { member: false, lead: false, runs: false, seesActivity: false, mayJoin: true },
      true,
    );
    expect(dto).toEqual({
      ...presentCop(cop),
      opdName: 'Bappeda',
      leads: [{ userId: 'u-1', name: 'Sari', opdCode: 'BAPPEDA' }],
      viewer: {
        member: false,
        lead: false,
        runs: false,
        seesActivity: false,
        joinRequested: true,
        mayRequestJoin: true,
      },
    });
  });
});
