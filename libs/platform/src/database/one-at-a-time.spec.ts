import { OneAtATime } from './one-at-a-time';

const tick = () => new Promise((r) => setImmediate(r));

describe('OneAtATime', () => {
  it('runs work for one key in arrival order, never two at once', async () => {
    const turns = new OneAtATime();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string) =>
      turns.run('asset-1', async () => {
        running += 1;
        most = Math.max(most, running);
        log.push(`start ${name}`);
        await tick();
        await tick();
        log.push(`end ${name}`);
        running -= 1;
        return name;
      });
    await expect(Promise.all([job('a'), job('b'), job('c')])).resolves.toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(turns.busyKeys).toBe(0);
  });

  it('lets other keys run at the same time', async () => {
    const turns = new OneAtATime();
    let running = 0;
    let most = 0;
    const job = (key: string) =>
      turns.run(key, async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
      });
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(most).toBe(3);
  });

  it('passes a failure to its caller and goes on with the next', async () => {
    const turns = new OneAtATime();
    const failed = turns.run('k', () => Promise.reject(new Error('gagal')));
    const next = turns.run('k', () => Promise.resolve('lanjut'));
    await expect(failed).rejects.toThrow('gagal');
    await expect(next).resolves.toBe('lanjut');
    expect(turns.busyKeys).toBe(0);
  });
});
