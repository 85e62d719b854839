import { presentEndorsementState, presentReuseReport } from './engagement.presenter';

describe('engagement presenter', () => {
  it('answers the endorsement count and whether the caller endorses', () => {
    expect(presentEndorsementState({ n: 3, mine: true })).toEqual({
      endorsed: true,
      endorsements: 3,
    });
  });

  it('answers a reuse report with its reporter', () => {
    const dto = presentReuseReport({
      id: 'r-1',
      story: 'Kami terapkan di kecamatan',
      createdAt: new Date('2025-05-01T01:02:03.000Z'),
      name: 'Sari',
      code: 'BAPPEDA',
    });
    expect(dto).toEqual({
      id: 'r-1',
      story: 'Kami terapkan di kecamatan',
      createdAt: '2025-05-01T01:02:03.000Z',
      reporter: { name: 'Sari', opdCode: 'BAPPEDA' },
    });
  });
});
