import { presentReadersByOpd, presentTopAsset } from './metrics-view.presenter';

const sums = {
  assetId: 'a-1',
  views: '20',
  uniqueReaders: '7',
  downloads: '4',
  endorsements: '2',
  reuseReports: '1',
};
const counts = { views: 20, uniqueReaders: 7, downloads: 4, endorsements: 2, reuseReports: 1 };

describe('metrics view presenter', () => {
  it('answers a readable top asset by its title', () => {
    const readable = { id: 'a-1', title: 'Pelajaran lelang', type: 'pelajaran' };
    expect(presentTopAsset(sums, readable)).toEqual({
      id: 'a-1',
      title: 'Pelajaran lelang',
      type: 'pelajaran',
      restricted: false,
      ...counts,
    });
  });

  it('names an unreadable top asset by nothing, its counts kept', () => {
    expect(presentTopAsset(sums, undefined)).toEqual({
      id: null,
      title: null,
      type: null,
      restricted: true,
      ...counts,
    });
  });

  it('folds period rows into one row per reader OPD, most readers of the year first', () => {
    const periods = ['2025', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
    const rows = [
      { code: 'DISDIK', name: 'Dinas Pendidikan', period: '2025-Q2', readers: '2' },
      { code: 'DISDIK', name: 'Dinas Pendidikan', period: '2025', readers: '2' },
      { code: 'BAPPEDA', name: 'Bappeda', period: '2025', readers: '5' },
      { code: 'BAPPEDA', name: 'Bappeda', period: '2025-Q1', readers: '3' },
      { code: 'BAPPEDA', name: 'Bappeda', period: '2025-Q4', readers: '2' },
      { code: 'ARSIP', name: 'Dinas Arsip', period: '2025', readers: '2' },
    ];
    expect(presentReadersByOpd(rows, periods)).toEqual([
      { opdCode: 'BAPPEDA', opdName: 'Bappeda', readers: 5, quarters: [3, 0, 0, 2] },
      { opdCode: 'ARSIP', opdName: 'Dinas Arsip', readers: 2, quarters: [0, 0, 0, 0] },
      { opdCode: 'DISDIK', opdName: 'Dinas Pendidikan', readers: 2, quarters: [0, 2, 0, 0] },
    ]);
  });
});
