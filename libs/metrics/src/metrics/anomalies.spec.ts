import { spike } from './anomalies';

describe('spike', () => {
  it('flags a quarter far above a steady history', () => {
    expect(spike(500, [40, 50, 45, 55]).flagged).toBe(true);
  });

  it('does not flag normal growth or a quarter without enough history', () => {
    expect(spike(60, [40, 50, 45, 55]).flagged).toBe(false);
    expect(spike(5000, [40]).flagged).toBe(false);
  });

  it('does not flag the steady growth of a young repository', () => {
    // 3 sd above the mean, but not three times the average.
    expect(spike(104, [11, 41, 64]).flagged).toBe(false);
    expect(spike(130, [11, 41, 64]).flagged).toBe(true);
  });

  it('needs a minimum excess over a flat history', () => {
    expect(spike(10, [1, 1, 1]).flagged).toBe(false);
    expect(spike(12, [1, 1, 1])).toEqual({ flagged: true, mean: 1, sd: 0, threshold: 11 });
    expect(spike(59, [20, 20, 20]).flagged).toBe(false);
    expect(spike(61, [20, 20, 20]).threshold).toBe(60);
  });
});
