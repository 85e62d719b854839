/**
 * Runs work for the same key one at a time within this process, in arrival order; work for
 * other keys runs freely. Used in front of a transaction that locks one row (an asset, a
 * meeting): callers queued for that row then wait here, holding no pool connection, instead of
 * each opening a transaction that sits in the row lock with a connection taken from everyone
 * else. Other processes still meet the database's own lock; each holds at most one connection
 * for the key. Keys leave the map when their queue drains.
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((done) => (release = done));
    const tail = before.then(() => mine);
    this.tails.set(key, tail);
    await before;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with work running or waiting (for tests and health). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
