import { presentPopularAssets } from './popular-assets.presenter';

describe('popular assets presenter', () => {
  it('answers the ranked rows with the Triwulan, an unpublished date as null', () => {
    const dto = presentPopularAssets({ year: 2025, quarter: 2 }, [
      {
        id: 'a-1',
        title: 'Pelajaran lelang',
        type: 'pelajaran',
        opdCode: 'BAPPEDA',
        publishedAt: new Date('2025-04-02T03:00:00.000Z'),
      },
      { id: 'a-2', title: 'SOP arsip', type: 'sop', opdCode: 'DISDIK', publishedAt: null },
    ]);
    expect(dto).toEqual({
      year: 2025,
      quarter: 2,
      items: [
        {
          id: 'a-1',
          title: 'Pelajaran lelang',
          type: 'pelajaran',
          opdCode: 'BAPPEDA',
          publishedAt: '2025-04-02T03:00:00.000Z',
        },
        { id: 'a-2', title: 'SOP arsip', type: 'sop', opdCode: 'DISDIK', publishedAt: null },
      ],
    });
  });
});
