import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { OnModuleDestroy } from '@nestjs/common';
import type { AppConfig, S3Config } from '../config/app-config';
import {
  type BlobInfo,
  type BlobMeta,
  BlobNotFoundError,
  BlobStorage,
  checkStorageKey,
  LocalDiskStorage,
  type StoredObject,
} from './blob-storage';

/** S3's smallest part: a 12 MiB file goes up in three parts, at most two buffered at a time. */
export const S3_PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isNotFound = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * An S3-compatible bucket (AWS, MinIO, Garage, SeaweedFS). Objects go up through lib-storage:
 * one PUT for a small file, a multipart upload in 5 MiB parts for a large one (never the whole
 * file in memory; parts of a failed upload are aborted). The SHA-256 recorded at upload is kept
 * as object metadata so the migration can tell a verified copy from a stale one.
 */
export class S3BlobStorage extends BlobStorage implements OnModuleDestroy {
  readonly driver = 's3';
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(config: AppConfig) {
    super(config.storage.uploadDir);
    const s3: S3Config | undefined = config.storage.s3;
    if (!s3) throw new Error('STORAGE=s3 without S3 settings');
    this.bucket = s3.bucket;
    this.client = new S3Client({
      region: s3.region,
      forcePathStyle: s3.forcePathStyle,
      ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
      // A copy: the SDK marks where credentials came from on the object, and config is frozen.
      ...(s3.credentials ? { credentials: { ...s3.credentials } } : {}),
      // The SDK's default CRC trailers (aws-chunked bodies) are not understood by every
      // S3-compatible store; checksums are sent where the API requires them, and we verify
      // content by our own SHA-256.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async open(key: string): Promise<{ stream: Readable; size: number }> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) }),
      );
      if (!(out.Body instanceof Readable)) throw new Error('S3 body is not a Node stream');
      return { stream: out.Body, size: out.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async stat(key: string): Promise<BlobInfo | undefined> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) }),
      );
      const sha256 = out.Metadata?.sha256;
      return { size: out.ContentLength ?? 0, ...(sha256 ? { sha256 } : {}) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async withLocalFile<T>(key: string, read: (path: string) => Promise<T>): Promise<T> {
    const { stream } = await this.open(key);
    const path = await this.tempPath();
    try {
      await pipeline(stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      return await read(path);
    } finally {
      await rm(path, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) }),
    );
  }

  /** Every object in the bucket that has a storage key's shape, page by page. */
  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || !isStorageKey(object.Key)) continue;
        yield { key: object.Key, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** The bucket exists and these credentials reach it. */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  /** Copies a local file to `key` (the scratch file stays; the migration uses this too). */
  async upload(key: string, path: string, meta: BlobMeta = {}): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: checkStorageKey(key),
        Body: createReadStream(path),
        ContentType: 'application/octet-stream',
        ...(meta.sha256 ? { Metadata: { sha256: meta.sha256 } } : {}),
      },
      partSize: S3_PART_BYTES,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  override close(): void {
    this.client.destroy();
  }

  onModuleDestroy(): void {
    this.close();
  }

  protected async moveIn(key: string, tempPath: string, meta: BlobMeta): Promise<void> {
    try {
      await this.upload(key, tempPath, meta);
    } finally {
      await rm(tempPath, { force: true });
    }
  }
}

/** The adapter `STORAGE` names. */
export function createBlobStorage(config: AppConfig): BlobStorage {
  return config.storage.driver === 's3' ? new S3BlobStorage(config) : new LocalDiskStorage(config);
}

function isStorageKey(key: string): boolean {
  try {
    checkStorageKey(key);
    return true;
  } catch {
    return false;
  }
}
