import { parseRange } from './metrics-rebuild';

describe('metrics:rebuild arguments', () => {
  it('reads --from and --to, spaced or with =', () => {
    expect(parseRange(['--from', '2025-01-01', '--to', '2025-12-31'])).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(parseRange(['--to=2025-03-31', '--from=2025-01-01'])).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
    });
  });

  it('refuses a missing, malformed or reversed range', () => {
    for (const args of [
      [],
      ['--from', '2025-01-01'],
      ['--from', '2025-1-1', '--to', '2025-12-31'],
      ['--from', '2025-02-30', '--to', '2025-12-31'],
      ['--from', '2025-12-31', '--to', '2025-01-01'],
    ])
      expect(() => parseRange(args)).toThrow(/Usage: metrics:rebuild/);
  });
});
