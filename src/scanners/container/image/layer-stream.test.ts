import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { peek } from './decompress.js';
import type { LayerEntry } from './layer-entry.js';
import { readLayerStream } from './layer-stream.js';
import { sha256, zstdAvailable } from './testing/build-image.js';
import { compress, packLayer } from './testing/layer-tar.js';

async function entriesOf(blob: Buffer, maxLayerBytes = 1 << 30) {
  const seen: [string, string][] = [];
  const onEntry = async (e: LayerEntry) => {
    seen.push([e.name, (await e.read(100)).content.toString()]);
  };
  const result = await readLayerStream(Readable.from([blob]), onEntry, { maxLayerBytes });
  return { seen, result };
}

describe('readLayerStream', () => {
  it('sniffs plain and gzip tars and hashes both the blob and the tar', async () => {
    const tar = await packLayer({ 'a.txt': 'alpha', 'b/': { dir: true } });
    for (const [blob, kind] of [
      [tar, 'none'],
      [gzipSync(tar), 'gzip'],
    ] as const) {
      const { seen, result } = await entriesOf(blob);
      expect(seen).toEqual([
        ['a.txt', 'alpha'],
        ['b/', ''],
      ]);
      expect(result).toMatchObject({ compression: kind, blobDigest: sha256(blob), tarDigest: sha256(tar) });
      expect(result).toMatchObject({ blobBytes: blob.length, tarBytes: tar.length });
      expect(result.failure).toBeUndefined();
    }
  });

  it.skipIf(!zstdAvailable)(
    'inflates zstd with fzstd (needs /usr/bin/zstd to make the fixture)',
    async () => {
      const tar = await packLayer({ big: 'z'.repeat(300_000), small: 's' });
      const blob = compress(tar, 'zstd');
      const { seen, result } = await entriesOf(blob);
      expect(seen.map(([n]) => n)).toEqual(['big', 'small']);
      expect(result).toMatchObject({ compression: 'zstd', tarDigest: sha256(tar), blobDigest: sha256(blob) });
    },
  );

  it('refuses a zstd frame that asks for a window too big to allocate', async () => {
    // Magic, then a frame header: no single segment, window descriptor 0xF8 = 2^41 bytes.
    const blob = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, ...Array(20).fill(0)]);
    const { result } = await entriesOf(blob);
    expect(result.failure).toMatchObject({ code: 'decompression-bomb' });
    expect(result.failure!.message).toMatch(/window/);
  });

  it('an empty blob is not a tar but is not a crash either', async () => {
    const { seen, result } = await entriesOf(Buffer.alloc(0));
    expect(seen).toEqual([]);
    expect(result.failure).toBeUndefined();
    expect(result.tarBytes).toBe(0);
  });

  it('rethrows what the entry handler throws: that is a bug, not a bad layer', async () => {
    const tar = await packLayer({ a: 'a' });
    const boom = async () => {
      throw new TypeError('handler bug');
    };
    await expect(readLayerStream(Readable.from([tar]), boom, { maxLayerBytes: 1e9 })).rejects.toThrow(
      'handler bug',
    );
  });
});

describe('peek', () => {
  it('returns the first bytes and leaves them in the stream', async () => {
    const { head, stream } = await peek(Readable.from([Buffer.from('ab'), Buffer.from('cdef')]), 4);
    expect(head.toString()).toBe('abcd');
    expect(Buffer.concat(await stream.toArray()).toString()).toBe('abcdef');
  });

  it('copes with a stream shorter than asked', async () => {
    const { head, stream } = await peek(Readable.from([Buffer.from('ab')]), 4);
    expect(head.toString()).toBe('ab');
    expect(Buffer.concat(await stream.toArray()).toString()).toBe('ab');
  });
});
