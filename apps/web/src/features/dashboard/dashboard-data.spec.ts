import { describe, expect, it } from '@jest/globals';
import {
  activityData,
  type DashboardLabels,
  definitionOf,
  isEmptyYear,
  type OpdDetail,
  periodMetrics,
  reachData,
  readersByOpdData,
  readersData,
} from './dashboard-data';

const ROMAN = ['I', 'II', 'III', 'IV'];
const labels: DashboardLabels = {
  quarter: 'Triwulan',
  quarterName: (q) => `Triwulan ${ROMAN[q - 1]}`,
  readerOpd: 'OPD pembaca',
  target: 'Target (%)',
};

const metrics = (n: number) => ({
  publishedAssets: n,
  meetings: n + 1,
  distinctAttendees: n * 3,
  uniqueReaders: n * 10,
  internalReaders: n * 4,
  otherOpdsReached: n,
  internalReachPercent: n * 12.5,
  views: n * 20,
});
// Only the fields the builders read; the rest of the DTO does not matter here.
const detail = {
  year: 2025,
  opd: { opdCode: 'BPSDM', opdName: 'BPSDM', ...metrics(10) },
  // Out of order on purpose: the builders sort by Triwulan.
  quarters: [4, 1, 3, 2].map((quarter) => ({ quarter, ...metrics(quarter) })),
  readersByOpd: [
    { opdCode: 'BPSDM', opdName: 'Badan Pengembangan SDM', readers: 7, quarters: [4, 3, 0, 0] },
    { opdCode: 'DINKES', opdName: 'Dinas Kesehatan', readers: 1, quarters: [0, 0, 0, 1] },
  ],
  definitions: [
    {
      key: 'publishedAssets',
      label: 'Aset terbit',
      labelEn: 'Published assets',
      unit: 'count',
      definition: 'Aset OPD yang terbit.',
      definitionEn: 'Assets published.',
    },
    {
      key: 'internalReachPercent',
      label: 'Jangkauan internal',
      labelEn: 'Internal reach',
      unit: 'percent',
      definition: 'Pembaca ÷ ASN.',
      definitionEn: 'Readers ÷ headcount.',
    },
  ],
} as unknown as OpdDetail;

describe('dashboard data', () => {
  it('names numbers by the API’s definitions, in the chosen language', () => {
    expect(definitionOf(detail, 'publishedAssets', 'id')).toEqual({
      label: 'Aset terbit',
      text: 'Aset OPD yang terbit.',
    });
    expect(definitionOf(detail, 'internalReachPercent', 'en').label).toBe('Internal reach');
    expect(definitionOf(detail, 'unknown', 'id')).toEqual({ label: 'unknown', text: '' });
  });

  it('picks the year or one Triwulan', () => {
    expect(periodMetrics(detail).publishedAssets).toBe(10);
    expect(periodMetrics(detail, 3).publishedAssets).toBe(3);
    expect(isEmptyYear(detail)).toBe(false);
  });

  it('gives one row per Triwulan in order, the API’s numbers as they are', () => {
    const activity = activityData(detail, 'id', labels);
    expect(activity.columns.map((c) => c.label)).toEqual([
      'Triwulan',
      'Aset terbit',
      'meetings',
      'distinctAttendees',
    ]);
    expect(activity.rows).toEqual([
      ['Triwulan I', 1, 2, 3],
      ['Triwulan II', 2, 3, 6],
      ['Triwulan III', 3, 4, 9],
      ['Triwulan IV', 4, 5, 12],
    ]);
    expect(readersData(detail, 'id', labels).rows[1]).toEqual(['Triwulan II', 20, 8, 2]);
  });

  it('puts internal reach beside the 50 % target, as percentages', () => {
    const reach = reachData(detail, 'id', labels);
    expect(reach.columns).toEqual([
      { label: 'Triwulan' },
      { label: 'Jangkauan internal', format: 'percent' },
      { label: 'Target (%)', format: 'percent' },
    ]);
    expect(reach.rows[0]).toEqual(['Triwulan I', 12.5, 50]);
  });

  it('makes the heatmap matrix: reader OPDs by Triwulan', () => {
    expect(readersByOpdData(detail, labels)).toEqual({
      columns: [
        { label: 'OPD pembaca' },
        ...ROMAN.map((r) => ({ label: `Triwulan ${r}`, format: 'integer' })),
      ],
      rows: [
        ['Badan Pengembangan SDM', 4, 3, 0, 0],
        ['Dinas Kesehatan', 0, 0, 0, 1],
      ],
    });
  });
});
