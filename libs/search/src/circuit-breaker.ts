export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit; 0 = it never opens. */
  readonly failures: number;
  /** How long it stays open before the next background probe. */
  readonly openMs: number;
  /** Asks the engine whether it answers again: resolves if so, rejects otherwise. */
  readonly probe: () => Promise<unknown>;
  readonly onChange?: (state: BreakerState, previous: BreakerState) => void;
}

/**
 * A circuit breaker for a dependency with a fallback. Closed: requests go through and
 * consecutive failures are counted. At the threshold it opens: callers skip the dependency (and
 * use their fallback) without waiting on it. After `openMs` a probe runs in the background
 * (half-open; callers still skip); success closes the circuit, failure opens it for another
 * `openMs`. No caller ever waits on a probe.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutive = 0;
  private timer?: NodeJS.Timeout;
  private disposed = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Whether a request may go to the dependency now. */
  get allows(): boolean {
    return this.current === 'closed';
  }

  /** The dependency answered. Late answers while open change nothing (the probe decides). */
  success(): void {
    if (this.current === 'closed') this.consecutive = 0;
  }

  /** The dependency failed or timed out. */
  failure(): void {
    if (this.current !== 'closed' || this.options.failures === 0) return;
    this.consecutive += 1;
    if (this.consecutive >= this.options.failures) this.open();
  }

  /** Stops probing (module shutdown). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private open(): void {
    this.consecutive = 0;
    this.set('open');
    if (this.disposed) return;
    this.timer = setTimeout(() => void this.probe(), this.options.openMs);
    // A pending probe must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    this.set('half_open');
    let ok: boolean;
    try {
      await this.options.probe();
      ok = true;
    } catch {
      ok = false;
    }
    if (this.disposed) return;
    if (ok) this.set('closed');
    else this.open();
  }

  private set(state: BreakerState): void {
    const previous = this.current;
    if (previous === state) return;
    this.current = state;
    this.options.onChange?.(state, previous);
  }
}
