import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface TestS3 {
  /** The environment that points the app at this store (STORAGE=s3 and every S3_* variable). */
  env: Record<string, string>;
  /** Every key in the bucket, sorted. */
  keys(): Promise<string[]>;
  /** An object's user metadata. */
  metadata(key: string): Promise<Record<string, string>>;
  /**
   * How each key was written, in order: `ObjectCreated:Put` (one request),
   * `ObjectCreated:Post` (a completed multipart upload), `ObjectRemoved:Delete`.
   */
  events: { name: string; key: string }[];
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on a free loopback port with its data in a temp dir, and
 * one empty bucket. s3rver does not verify SigV4 signatures: any credentials pass.
 */
export async function startTestS3(bucket = 'lumbung-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'lumbung-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const events: { name: string; key: string }[] = [];
  server.on('event', (e) => {
    for (const r of e.Records) events.push({ name: r.eventName, key: r.s3.object.key });
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    env: {
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    keys: async () => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    metadata: async (key) =>
      (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).Metadata ?? {},
    events,
    close: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
