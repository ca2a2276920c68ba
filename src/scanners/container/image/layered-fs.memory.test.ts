import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { type ApplyContext, applyEntry } from './apply-entry.js';
import { readLayerStream } from './layer-stream.js';
import { LayeredFs } from './layered-fs.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ENTRIES = 200_000;

/** A layer tar produced entry by entry as it is read: the whole tar never exists in memory. */
function streamedLayer(count: number): PassThrough {
  const p = pack();
  const out = new PassThrough();
  (async () => {
    for (let i = 0; i < count; i++) {
      const name = `usr/share/package-${Math.floor(i / 500)}/files/entry-${i}.txt`;
      await new Promise<void>((resolve, reject) =>
        p.entry({ name, mode: 0o644, mtime: new Date(0) }, `content ${i}`, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    }
    p.finalize();
  })();
  (async () => {
    for await (const chunk of p) if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    out.end();
  })();
  return out;
}

const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('LayeredFs memory', () => {
  it(`keeps ${ENTRIES} entries in well under 150 MB of heap`, async () => {
    const before = heap();
    const fs = new LayeredFs();
    const ctx: ApplyContext = { fs, layer: 0, label: 'layer 0', whiteouts: true, diagnostics: [] };
    const result = await readLayerStream(streamedLayer(ENTRIES), (e) => applyEntry(ctx, e), {
      maxLayerBytes: 1e12,
    });
    const grown = heap() - before;
    expect(result.failure).toBeUndefined();
    expect(ctx.diagnostics).toEqual([]);
    expect(fs.size).toBe(ENTRIES + 2 + 2 * (ENTRIES / 500));
    expect(fs.get('usr/share/package-399/files/entry-199999.txt')).toMatchObject({ type: 'file', size: 14 });
    expect(grown).toBeLessThan(150 * 2 ** 20);
  }, 120_000);
});
