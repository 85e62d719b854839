import { presentMyEndorsement, presentMyReuseReport } from './my-engagement.presenter';

const asset = { assetId: 'a-1', title: 'Pelajaran lelang', type: 'pelajaran', opdCode: 'BAPPEDA' };
const at = new Date('2025-05-01T01:02:03.000Z');

describe('my engagement presenter', () => {
  it('answers an endorsement of a readable asset with the asset', () => {
    expect(presentMyEndorsement({ ...asset, readable: true, createdAt: at })).toEqual({
      asset: { id: 'a-1', title: 'Pelajaran lelang', type: 'pelajaran', opdCode: 'BAPPEDA' },
      endorsedAt: '2025-05-01T01:02:03.000Z',
    });
  });

  it('names no asset the caller may no longer read', () => {
    expect(
      presentMyReuseReport({
        ...asset,
        readable: false,
        id: 'r-1',
        story: 'Cerita',
        createdAt: at,
      }),
    ).toEqual({ id: 'r-1', story: 'Cerita', createdAt: '2025-05-01T01:02:03.000Z', asset: null });
  });
});
