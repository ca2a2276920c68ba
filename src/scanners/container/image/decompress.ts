import { once } from 'node:events';
import { Readable, type Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MAX_ZSTD_WINDOW, ZSTD_HEADER_BYTES, zstdDecompressor, zstdWindowSize } from './zstd-stream.js';

export type Compression = 'gzip' | 'zstd' | 'none';

/** Layers are sniffed rather than trusted to their media type: docker mislabels, tools differ. */
export function sniffCompression(head: Buffer): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

/** The stage that inflates the layer, or an error message when its header asks too much. */
export function decompressor(kind: Compression, head: Buffer): Transform | undefined | string {
  if (kind === 'gzip') return createGunzip();
  if (kind === 'none') return undefined;
  const window = zstdWindowSize(head);
  if (window !== undefined && window > MAX_ZSTD_WINDOW) {
    return `zstd: the first frame asks for a ${window}-byte window, more than the ${MAX_ZSTD_WINDOW} allowed`;
  }
  return zstdDecompressor();
}

export const SNIFF_BYTES = ZSTD_HEADER_BYTES;

/**
 * The first `n` bytes of a stream without consuming them: they are pushed back, or, when the
 * stream already ended, a fresh stream carries them.
 */
export async function peek(stream: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let total = 0;
  let ended = false;
  while (total < n && !ended) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) {
      chunks.push(chunk);
      total += chunk.length;
    } else {
      ended = await nextEvent(stream);
    }
  }
  const all = Buffer.concat(chunks);
  const head = all.subarray(0, n);
  if (ended) return { head, stream: Readable.from(all.length > 0 ? [all] : []) };
  stream.unshift(all);
  return { head, stream };
}

/** True when the stream ended, false when more can be read. */
async function nextEvent(stream: Readable): Promise<boolean> {
  if (stream.readableEnded) return true;
  const ac = new AbortController();
  try {
    return await Promise.race([
      once(stream, 'readable', { signal: ac.signal }).then(() => false),
      once(stream, 'end', { signal: ac.signal }).then(() => true),
    ]);
  } finally {
    ac.abort();
  }
}
