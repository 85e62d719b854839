import { spike } from './anomalies';

describe('spike', () => {
  it('flags a quarter far above a steady history', () => {
    expect(spike(500, [40, 50, 45, 55]).flagged).toBe(true);
  });

  it('does not flag normal growth or a quarter without enough history', () => {
    expect(spike(60, [40, 50, 45, 55]).flagged).toBe(false);
    expect(spike(5000, [40]).flagged).toBe(false);
  });

  it('needs a minimum excess over a flat history', () => {
    expect(spike(25, [20, 20, 20]).flagged).toBe(false);
    expect(spike(31, [20, 20, 20])).toEqual({ flagged: true, mean: 20, sd: 0, threshold: 30 });
  });
});
