import { Transform } from 'node:stream';
import { Decompress } from 'fzstd';

/**
 * fzstd allocates a frame's whole window up front, and a frame header can ask for 2 GB. The
 * first frame's header is checked before any byte reaches fzstd; image layers are written as one
 * frame (or one per chunk with the same settings), so the first frame stands for the rest.
 */
export const MAX_ZSTD_WINDOW = 512 << 20;

/** Bytes of a zstd stream to read before its first window size is known. */
export const ZSTD_HEADER_BYTES = 18;

export function zstdDecompressor(): Transform {
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      guard(() => decoder.push(chunk), done);
    },
    flush(done) {
      guard(() => decoder.push(new Uint8Array(0), true), done);
    },
  });
  // fzstd hands out a fresh array per block, so it can be wrapped rather than copied.
  const decoder = new Decompress((data) => {
    if (data.length > 0) transform.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return transform;
}

function guard(step: () => void, done: (err?: Error | null) => void) {
  try {
    step();
    done();
  } catch (err) {
    done(new Error(`zstd: ${(err as Error).message}`));
  }
}

/** The window the first frame asks for, or undefined when the header is too short to tell. */
export function zstdWindowSize(head: Buffer): number | undefined {
  if (head.length < 6) return undefined;
  const descriptor = head[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  if (!singleSegment) {
    const byte = head[5]!;
    const base = 2 ** (10 + (byte >> 3));
    return base + (base / 8) * (byte & 7);
  }
  const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = [1, 2, 4, 8][descriptor >> 6]!;
  const start = 5 + dictBytes;
  if (head.length < start + sizeBytes) return undefined;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) size = size * 256 + head[start + i]!;
  return sizeBytes === 2 ? size + 256 : size;
}
