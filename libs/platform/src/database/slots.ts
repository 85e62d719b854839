/**
 * At most `size` pieces of work at once, the rest waiting in arrival order (a counting
 * semaphore). An upload waiting here has not started reading its body: Node pauses the socket,
 * so the waiting costs neither memory nor the event loop.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((go) => this.waiting.push(go));
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
}
