/** The part of s3rver 3.7's programmatic API the tests use (the package ships no types). */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Fires after every object write or delete, like S3's event notifications. */
    on(
      event: 'event',
      listener: (e: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => void,
    ): this;
  }

  export = S3rver;
}
