import type { UserSummary } from '@lumbung/identity';
import { presentCriticality } from './criticality.presenter';

const names = new Map<string, UserSummary>([
  ['u-9', { id: 'u-9', name: 'Rina', opdId: 'opd-1', opdCode: 'BAPPEDA', active: true }],
]);
const set = {
  value: 5,
  reason: 'Satu-satunya ahli',
  setById: 'u-9',
  setAt: new Date('2025-04-01T03:00:00.000Z'),
};
const removed = { ...set, value: null, reason: 'Sudah ada penerus', setById: 'u-8' };

describe('criticality presenter', () => {
  it('answers the override in force and the history, naming who set each', () => {
    const dto = presentCriticality(
      'u-1',
      { criticalityComputed: 2, criticality: 5 },
      set,
      [set, removed],
      names,
    );
    expect(dto).toEqual({
      userId: 'u-1',
      criticalityComputed: 2,
      criticality: 5,
      override: {
        value: 5,
        reason: 'Satu-satunya ahli',
        setBy: { id: 'u-9', name: 'Rina', opdCode: 'BAPPEDA' },
        setAt: '2025-04-01T03:00:00.000Z',
      },
      history: [
        {
          value: 5,
          reason: 'Satu-satunya ahli',
          setBy: { id: 'u-9', name: 'Rina', opdCode: 'BAPPEDA' },
          setAt: '2025-04-01T03:00:00.000Z',
        },
        {
          value: null,
          reason: 'Sudah ada penerus',
          setBy: { id: 'u-8', name: '', opdCode: '' },
          setAt: '2025-04-01T03:00:00.000Z',
        },
      ],
    });
  });

  it('answers no override when none is in force', () => {
    const dto = presentCriticality(
      'u-1',
      { criticalityComputed: 2, criticality: 2 },
      null,
      [],
      names,
    );
    expect(dto.override).toBeNull();
    expect(dto.history).toEqual([]);
  });
});
