import { Client } from 'pg';

/**
 * A pg Client that closes its connection when one of its queries hits the client-side
 * `query_timeout` ("Query read timeout").
 *
 * pg answers the caller at once but leaves the statement running on the server and the connection
 * open. Inside a transaction that is harmful: the ROLLBACK TypeORM then sends waits behind the
 * timed-out statement, times out in turn and is dropped unsent, and the connection goes back to
 * the pool still inside the open transaction with the partial writes. The next request on it sees
 * those rows, and its COMMIT would make them permanent. Closing the connection makes PostgreSQL
 * roll the transaction back, and the pool discards the client instead of reusing it.
 */
export class TimeoutSafeClient extends Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === 'Query read timeout') this.drop();
      });
    }
    return result as never;
  }

  private drop(): void {
    // end() marks the client not queryable (so the pool removes it on release) without an 'error'
    // event; PostgreSQL rolls back when it next reads the closed socket.
    this.end().catch(() => undefined);
  }
}
