import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ByteCounter } from './exact-length';
import { assertValidKey, ObjectNotFoundError } from './object-storage';
import type { ObjectHead, ObjectStorage, PutOptions, PutResult } from './object-storage';

export type S3Location = {
  bucket: string;
  /** Prepended to every key (`<prefix>/<key>`), so several deployments may share a bucket. */
  prefix?: string;
  /** An S3-compatible server (MinIO, Ceph, R2...); AWS when absent. */
  endpoint?: string;
  region: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key`: what most S3-compatible servers need. */
  forcePathStyle?: boolean;
  /** Static credentials; absent, the SDK's default chain (environment, instance role) applies. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

// The smallest multipart part S3 accepts; one is held in memory while it is sent.
const PART_SIZE = 5 * 1024 * 1024;

function isNotFound(error: unknown): boolean {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return failure.name === 'NoSuchKey' || failure.name === 'NotFound' || failure.$metadata?.httpStatusCode === 404;
}

export function s3Client(location: S3Location): S3Client {
  const config: S3ClientConfig = {
    region: location.region,
    endpoint: location.endpoint,
    forcePathStyle: location.forcePathStyle ?? false,
    credentials: location.credentials,
    // Streamed bodies as plain PUTs: the default trailing checksums use aws-chunked encoding,
    // which many S3-compatible servers do not accept. Integrity is checked end to end instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  return new S3Client(config);
}

/**
 * Objects in an S3 bucket. A put streams the body in 5 MiB parts, one in memory at a time: a body
 * shorter than a part is one PutObject, a longer one a multipart upload that is aborted if the body
 * fails. The object exists only once the whole body arrived, so a failed put leaves nothing.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly driver = 's3';
  private readonly client: S3Client;
  private readonly ownsClient: boolean;

  constructor(
    private readonly location: S3Location,
    client?: S3Client,
  ) {
    this.client = client ?? s3Client(location);
    this.ownsClient = !client;
  }

  private keyOf(key: string): string {
    assertValidKey(key);
    const prefix = this.location.prefix?.replace(/^\/+|\/+$/g, '');
    return prefix ? `${prefix}/${key}` : key;
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<PutResult> {
    const Key = this.keyOf(key);
    const counter = new ByteCounter(options.size);
    let streamError: Error | undefined;
    const counted = pipeline(body, counter, (error) => {
      if (error) streamError = error;
    }) as unknown as Readable;
    try {
      // Each part is sent only once it is complete, so a body that fails midway never becomes an
      // object, whatever the server does with a request cut short (some S3-compatible servers keep it).
      await new Upload({
        client: this.client,
        params: { Bucket: this.location.bucket, Key, Body: counted },
        partSize: PART_SIZE,
        queueSize: 1,
        leavePartsOnError: false,
      }).done();
    } catch (error) {
      counted.destroy();
      throw streamError ?? error;
    }
    if (streamError) throw streamError;
    return { size: counter.bytes };
  }

  async get(key: string): Promise<Readable> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(key) }));
      if (!(result.Body instanceof Readable)) throw new Error('The S3 response has no readable body');
      return result.Body;
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async head(key: string): Promise<ObjectHead | null> {
    try {
      const result = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(key) }));
      return { size: result.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(key) }));
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
  }
}
