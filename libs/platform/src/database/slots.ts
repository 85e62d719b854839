/** Work refused because every slot was busy and the line was full, or the wait ran out. */
export class SlotsBusy extends Error {
  constructor(readonly reason: 'line_full' | 'waited_too_long') {
    super(`no free slot (${reason})`);
    this.name = 'SlotsBusy';
  }
}

export interface SlotLimits {
  /** Most work that may wait for a slot; more is refused at once (default: no limit). */
  readonly maxWaiting?: number;
  /** Longest a piece of work waits for a slot before it is refused (default: no limit). */
  readonly maxWaitMs?: number;
}

/**
 * At most `size` pieces of work at once, the rest waiting in arrival order (a counting
 * semaphore) in a line of bounded length and bounded wait: work that would wait past either is
 * refused with `SlotsBusy`, so a burst is answered instead of left to a client's or the server's
 * timeout. An upload waiting here has not started reading its body: Node pauses the socket, so the
 * waiting costs neither memory nor the event loop.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly limits: SlotLimits = {},
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await this.queue();
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line; otherwise it is freed.
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Work running and waiting (for tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private queue(): Promise<void> {
    const { maxWaiting = Infinity, maxWaitMs } = this.limits;
    if (this.waiting.length >= maxWaiting) return Promise.reject(new SlotsBusy('line_full'));
    return new Promise<void>((go, refuse) => {
      const turn = (): void => {
        clearTimeout(timer);
        go();
      };
      const timer =
        maxWaitMs === undefined
          ? undefined
          : setTimeout(() => {
              // Out of the line: a slot freed later passes to the next one instead.
              this.waiting.splice(this.waiting.indexOf(turn), 1);
              refuse(new SlotsBusy('waited_too_long'));
            }, maxWaitMs);
      this.waiting.push(turn);
    });
  }
}
