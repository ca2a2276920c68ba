import type { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract as tarExtract } from 'tar-stream';
import { type Compression, decompressor, peek, SNIFF_BYTES, sniffCompression } from './decompress.js';
import { hashDigest, hasherFor } from './digest.js';
import { type LayerEntry, tarLayerEntry } from './layer-entry.js';
import { InflateLimitError, Meter } from './meter.js';

export interface LayerStreamOptions {
  /** Uncompressed bytes after which the layer is abandoned as a decompression bomb. */
  maxLayerBytes: number;
  /** The expected digests, only to pick the hash algorithm (sha256 unless they say sha512). */
  digest?: string;
  diffId?: string;
}

export interface LayerStreamResult {
  compression: Compression;
  /** Digest of the blob bytes as read, and of the uncompressed tar; only meaningful when complete. */
  blobDigest: string;
  tarDigest: string;
  blobBytes: number;
  tarBytes: number;
  /** Why the layer stopped early, when it did. */
  failure?: { code: string; message: string };
}

/**
 * Reads one layer blob in a single streaming pass: sniff the compression, inflate under a cap,
 * hash both the blob and the tar, and hand each tar entry to `onEntry` in order (the next entry
 * is not read until `onEntry` settles). A broken layer ends with `failure`, never an exception;
 * an exception from `onEntry` is the caller's and is rethrown.
 */
export async function readLayerStream(
  input: Readable,
  onEntry: (entry: LayerEntry) => Promise<void>,
  options: LayerStreamOptions,
): Promise<LayerStreamResult> {
  const sniffed = await peek(input, SNIFF_BYTES).catch((err: Error) => err);
  if (sniffed instanceof Error) return unread(classify(sniffed));
  const { head, stream } = sniffed;
  const compression = sniffCompression(head);
  const blob = new Meter(hasherFor(options.digest));
  const tar = new Meter(hasherFor(options.diffId), options.maxLayerBytes);
  const result = (failure?: LayerStreamResult['failure']): LayerStreamResult => ({
    compression,
    blobDigest: hashDigest(blob.hash, options.digest),
    tarDigest: hashDigest(tar.hash, options.diffId),
    blobBytes: blob.bytes,
    tarBytes: tar.bytes,
    ...(failure ? { failure } : {}),
  });
  const inflate = decompressor(compression, head);
  if (typeof inflate === 'string') {
    stream.destroy();
    return result({ code: 'decompression-bomb', message: inflate });
  }
  const extract = tarExtract();
  const stages: (Readable | Transform | Writable)[] = [stream, blob, ...(inflate ? [inflate] : []), tar];
  const piped = pipeline([...stages, extract as unknown as Writable]);
  piped.catch(() => {});
  try {
    await feedEntries(extract, onEntry);
    await piped;
    return result();
  } catch (err) {
    if (err instanceof HandlerError) throw err.cause;
    return result(classify(err as Error & { code?: string }));
  } finally {
    for (const s of stages) s.destroy();
  }
}

class HandlerError extends Error {}

/** A layer that failed before its first byte. */
function unread(failure: LayerStreamResult['failure']): LayerStreamResult {
  return { compression: 'none', blobDigest: '', tarDigest: '', blobBytes: 0, tarBytes: 0, failure };
}

async function feedEntries(
  extract: ReturnType<typeof tarExtract>,
  onEntry: (e: LayerEntry) => Promise<void>,
) {
  for await (const stream of extract) {
    const { entry, drain } = tarLayerEntry(stream);
    try {
      await onEntry(entry);
    } catch (cause) {
      throw new HandlerError('entry handler failed', { cause });
    }
    drain();
  }
}

function classify(err: Error & { code?: string }): { code: string; message: string } {
  if (err instanceof InflateLimitError) {
    return { code: 'decompression-bomb', message: `the layer ${err.message}; reading stopped there` };
  }
  const message = err.message;
  if (/unexpected end of (file|data)|unexpected eof/i.test(message) || err.code === 'Z_BUF_ERROR') {
    return { code: 'truncated-layer', message: `the layer ends early (${message})` };
  }
  if (/invalid tar header/i.test(message))
    return { code: 'not-a-tar', message: 'the layer is not a tar archive' };
  if (err.code?.startsWith('E') && !err.code.startsWith('ERR_')) {
    return { code: 'read-error', message: `the layer could not be read (${message})` };
  }
  return { code: 'corrupt-layer', message: `the layer is corrupt (${message})` };
}
