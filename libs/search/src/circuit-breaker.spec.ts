import { type BreakerState, CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function breaker(failures: number, probe: () => Promise<unknown>) {
    const changes: BreakerState[] = [];
    const b = new CircuitBreaker({
      failures,
      openMs: 1000,
      probe,
      onChange: (state) => changes.push(state),
    });
    return { b, changes };
  }

  it('opens only after that many consecutive failures; a success in between starts again', () => {
    const { b } = breaker(3, () => Promise.resolve());
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    expect(b.allows).toBe(true);
    b.failure();
    expect(b.state).toBe('open');
    expect(b.allows).toBe(false);
    b.dispose();
  });

  it('never opens with a threshold of 0', () => {
    const { b } = breaker(0, () => Promise.resolve());
    for (let i = 0; i < 100; i++) b.failure();
    expect(b.state).toBe('closed');
  });

  it('probes in the background after openMs: half-open meanwhile, closed on success', async () => {
    let answer!: () => void;
    const probe = jest.fn(() => new Promise<void>((r) => (answer = r)));
    const { b, changes } = breaker(1, probe);
    b.failure();
    await jest.advanceTimersByTimeAsync(999);
    expect(probe).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(b.state).toBe('half_open');
    expect(b.allows).toBe(false);
    answer();
    await jest.advanceTimersByTimeAsync(0);
    expect(b.state).toBe('closed');
    expect(changes).toEqual(['open', 'half_open', 'closed']);
  });

  it('opens again for another openMs when the probe fails, and keeps probing', async () => {
    let calls = 0;
    const probe = () => (++calls < 3 ? Promise.reject(new Error('hung')) : Promise.resolve());
    const { b, changes } = breaker(1, probe);
    b.failure();
    await jest.advanceTimersByTimeAsync(1000);
    expect(b.state).toBe('open');
    await jest.advanceTimersByTimeAsync(1000);
    expect(b.state).toBe('open');
    await jest.advanceTimersByTimeAsync(1000);
    expect(b.state).toBe('closed');
    expect(calls).toBe(3);
    expect(changes).toEqual([
      'open',
      'half_open',
      'open',
      'half_open',
      'open',
      'half_open',
      'closed',
    ]);
  });

  it('ignores late answers and failures while open; only the probe closes it', async () => {
    const { b } = breaker(1, () => Promise.reject(new Error('hung')));
    b.failure();
    b.success();
    expect(b.state).toBe('open');
    b.failure();
    b.dispose();
    await jest.advanceTimersByTimeAsync(5000);
    expect(b.state).toBe('open');
  });
});
