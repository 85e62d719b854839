import { presentAssetMetrics } from './asset-metrics.presenter';

describe('asset metrics presenter', () => {
  it('answers the summed rollups as numbers, readers by OPD in the order given', () => {
    const dto = presentAssetMetrics(
      { assetId: 'a-1', from: '2025-01-01', to: '2025-03-31' },
      {
        views: '12',
        uniqueReaders: '5',
        downloads: '3',
        endorsements: '2',
        reuseReports: '1',
        searchClicks: '0',
      },
      [
        { code: 'BAPPEDA', readers: '4' },
        { code: 'DISDIK', readers: '1' },
      ],
    );
    expect(dto).toEqual({
      assetId: 'a-1',
      from: '2025-01-01',
      to: '2025-03-31',
      views: 12,
      uniqueReaders: 5,
      downloads: 3,
      endorsements: 2,
      reuseReports: 1,
      searchClicks: 0,
      readersByOpd: [
        { opdCode: 'BAPPEDA', readers: 4 },
        { opdCode: 'DISDIK', readers: 1 },
      ],
    });
  });
});
