import {
  accountMessage,
  addMonths,
  assetSpikes,
  concentrationSeverity,
  groupRuns,
  monthSeries,
  spikeMessage,
  spikeSeverity,
  type DailyFlagRow,
} from './anomalies';

const series = (from: string, views: number[]) =>
  views.map((v, i) => ({ month: addMonths(from, i), views: v }));

describe('asset spikes (COUNTER: more than 100 above three times the 12-month average)', () => {
  it('flags a month far above the asset’s own baseline, with its numbers', () => {
    const runs = assetSpikes(series('2024-08', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 300, 6]), 2025);
    expect(runs).toHaveLength(1);
    expect(runs[0].months).toEqual([{ month: '2025-08', views: 300, average: 5, threshold: 115 }]);
    expect(runs[0].history).toHaveLength(12);
    expect(runs[0].history[0]).toEqual({ month: '2024-08', views: 5 });
  });

  it('does not flag the growth of a young repository or a busy but steady asset', () => {
    // Doubling every month, but never 100 above three times the average.
    expect(assetSpikes(series('2025-01', [2, 4, 8, 16, 32, 64]), 2025)).toEqual([]);
    expect(assetSpikes(series('2025-01', Array(12).fill(400) as number[]), 2025)).toEqual([]);
  });

  it('gives a first month no baseline, and counts only months since first use', () => {
    expect(assetSpikes(series('2025-03', [900]), 2025)).toEqual([]);
    // One earlier month of 10: the limit is 3 × 10 + 100 = 130.
    expect(assetSpikes(series('2025-03', [10, 130]), 2025)).toEqual([]);
    expect(assetSpikes(series('2025-03', [10, 131]), 2025)[0].months[0].threshold).toBe(130);
  });

  it('makes consecutive spiking months one flag, and ignores months outside the year', () => {
    const runs = assetSpikes(series('2024-11', [1, 400, 0, 0, 0, 900, 2000]), 2025);
    expect(runs.map((r) => r.months.map((m) => m.month))).toEqual([['2025-04', '2025-05']]);
    expect(spikeSeverity(runs[0])).toBe('high');
  });

  it('rates a single month just over the limit as medium', () => {
    const [run] = assetSpikes(series('2025-01', [10, 10, 150]), 2025);
    expect(spikeSeverity(run)).toBe('medium');
  });

  it('zero-fills the months without views', () => {
    expect(monthSeries('2024-11', '2025-02', new Map([['2025-01', 7]]))).toEqual([
      { month: '2024-11', views: 0 },
      { month: '2024-12', views: 0 },
      { month: '2025-01', views: 7 },
      { month: '2025-02', views: 0 },
    ]);
  });

  it('explains itself in Indonesian with the numbers, and hides a title the reader may not see', () => {
    const [run] = assetSpikes(series('2025-01', [10, 10, 150]), 2025);
    const m = spikeMessage(run, 'SOP Banjir');
    expect(m.id).toContain('aset «SOP Banjir» melonjak pada Maret 2025: 150 tayangan');
    expect(m.id).toContain('di atas batas 130 (3 × rata-rata 10 tayangan per bulan selama 2 bulan');
    expect(m.en).toContain('spiked in March 2025');
    expect(spikeMessage(run, null).id).not.toContain('«');
  });
});

describe('one flag per cause', () => {
  const row = (day: string, over: Partial<DailyFlagRow> = {}): DailyFlagRow => ({
    day,
    kind: 'concentration',
    assetId: 'a1',
    actorUserId: 'u1',
    value: 30,
    total: 40,
    ...over,
  });

  it('joins the days of one account on one asset, across a weekend, and keeps causes apart', () => {
    const runs = groupRuns([
      row('2025-02-07'),
      row('2025-02-03'),
      row('2025-02-04'),
      row('2025-02-10'), // Monday after Friday the 7th: three days apart, same run
      row('2025-02-20'), // a new run
      row('2025-02-04', { actorUserId: 'u2' }),
      row('2025-02-04', { assetId: 'a2' }),
      row('2025-02-04', { kind: 'burst', assetId: null, value: 250, total: 250 }),
    ]);
    const summary = runs.map((r) => [
      r.first.kind,
      r.first.assetId,
      r.first.actorUserId,
      r.first.day,
      r.lastDay,
      r.rows.length,
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['concentration', 'a1', 'u1', '2025-02-03', '2025-02-10', 4],
        ['concentration', 'a1', 'u1', '2025-02-20', '2025-02-20', 1],
        ['concentration', 'a1', 'u2', '2025-02-04', '2025-02-04', 1],
        ['concentration', 'a2', 'u1', '2025-02-04', '2025-02-04', 1],
        ['burst', null, 'u1', '2025-02-04', '2025-02-04', 1],
      ]),
    );
    expect(runs).toHaveLength(5);
    const long = runs.find((r) => r.rows.length === 4)!;
    expect([long.value, long.total]).toEqual([120, 160]);
    expect(concentrationSeverity(long)).toBe('high');
    expect(accountMessage(long, 'akun-1', 'SOP').id).toBe(
      'Satu akun (akun-1) menghasilkan 120 dari 160 tayangan (75 %) aset «SOP» dalam 4 hari antara 3 Februari 2025 dan 10 Februari 2025.',
    );
  });

  it('rates a one-day concentration by its share', () => {
    const [one] = groupRuns([row('2025-02-03', { value: 21, total: 40 })]);
    expect(concentrationSeverity(one)).toBe('low');
    const [two] = groupRuns([row('2025-02-03', { value: 28, total: 40 })]);
    expect(concentrationSeverity(two)).toBe('medium');
    const [three] = groupRuns([row('2025-02-03', { value: 40, total: 42 })]);
    expect(concentrationSeverity(three)).toBe('high');
  });
});
