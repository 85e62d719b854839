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
