import { Slots } from './slots';

const tick = () => new Promise((r) => setImmediate(r));

describe('Slots', () => {
  it('runs at most `size` at once, the rest in arrival order', async () => {
    const slots = new Slots(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const job = (n: number) =>
      slots.run(async () => {
        started.push(n);
        running += 1;
        most = Math.max(most, running);
        await tick();
        await tick();
        running -= 1;
        return n;
      });
    const all = Promise.all([1, 2, 3, 4, 5].map(job));
    await tick();
    expect(slots.load).toEqual({ running: 2, waiting: 3 });
    await expect(all).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of work that failed', async () => {
    const slots = new Slots(1);
    const failed = slots.run(() => Promise.reject(new Error('gagal')));
    const next = slots.run(() => Promise.resolve('lanjut'));
    await expect(failed).rejects.toThrow('gagal');
    await expect(next).resolves.toBe('lanjut');
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('Slots with a bounded line', () => {
  /** Work that runs until its release is called. */
  const held = () => {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    return { done, release };
  };

  it('refuses at once what would wait past the longest line, and serves the line in order', async () => {
    const slots = new Slots(1, { maxWaiting: 2 });
    const first = held();
    const order: string[] = [];
    const running = slots.run(async () => {
      await first.done;
      order.push('a');
    });
    const second = slots.run(() => Promise.resolve(void order.push('b')));
    const third = slots.run(() => Promise.resolve(void order.push('c')));
    await tick();
    expect(slots.load).toEqual({ running: 1, waiting: 2 });
    await expect(slots.run(() => Promise.resolve(void order.push('d')))).rejects.toMatchObject({
      name: 'SlotsBusy',
      reason: 'line_full',
    });
    first.release();
    await Promise.all([running, second, third]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses work that waited too long, and the freed slot passes to the one still waiting', async () => {
    jest.useFakeTimers();
    try {
      const slots = new Slots(1, { maxWaitMs: 1000 });
      const first = held();
      const running = slots.run(() => first.done);
      const early = slots.run(() => Promise.resolve('early'));
      jest.advanceTimersByTime(600);
      const late = slots.run(() => Promise.resolve('late'));
      jest.advanceTimersByTime(500);
      // The first in line waited 1,100 ms: refused; the second has waited 500 ms.
      await expect(early).rejects.toMatchObject({ reason: 'waited_too_long' });
      expect(slots.load).toEqual({ running: 1, waiting: 1 });
      first.release();
      await running;
      await expect(late).resolves.toBe('late');
      expect(slots.load).toEqual({ running: 0, waiting: 0 });
    } finally {
      jest.useRealTimers();
    }
  });
});
