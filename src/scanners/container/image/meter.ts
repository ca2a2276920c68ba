import type { Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`inflates past ${limit} bytes`);
  }
}

/** Counts and hashes the bytes passing through; past `limit` it fails the stream instead. */
export class Meter extends Transform {
  bytes = 0;

  constructor(
    readonly hash: Hash,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(new InflateLimitError(this.limit));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}
