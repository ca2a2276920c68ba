import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerFile } from './apply-entry.js';
import { type FileSpec, tempDir } from './testing/build-image.js';
import { readLayers } from './testing/read-layers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const layers: Record<string, FileSpec>[] = [
  { 'var/lib/dpkg/status': 'v1', 'app/.env': 'TOKEN=abc', 'app/big.jar': 'j'.repeat(5000) },
  { 'var/lib/dpkg/status': 'v2 final', 'app/.wh..env': '', 'app/pkg.json': '{}' },
  { 'app/pkg-link.json': { hardlink: 'app/pkg.json' } },
];
const text = (m: Map<string, { content: Buffer }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.content.toString()]));

describe('collecting contents', () => {
  it('keeps the final version of each matching file, from the layer that wrote it', async () => {
    const { files, deletedFiles, diagnostics } = await readLayers(tmp.dir, layers, {
      contents: { match: (p) => p.startsWith('var/') || p.endsWith('.json') || p.endsWith('.env') },
    });
    expect(text(files)).toEqual({
      'var/lib/dpkg/status': 'v2 final',
      'app/pkg.json': '{}',
      'app/pkg-link.json': '{}',
    });
    expect(files.get('var/lib/dpkg/status')?.layer).toBe(1);
    expect(deletedFiles).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('with keepDeleted, also keeps files a later layer deleted (their bytes are still in the image)', async () => {
    const { deletedFiles } = await readLayers(tmp.dir, layers, {
      contents: { match: () => true, keepDeleted: true },
    });
    expect(deletedFiles.map((f) => [f.path, f.layer, f.deletedBy, f.content.toString()])).toEqual([
      ['app/.env', 0, 1, 'TOKEN=abc'],
    ]);
  });

  it('passes the entry to the predicate', async () => {
    const seen: string[] = [];
    await readLayers(tmp.dir, layers, {
      contents: {
        match: (p, e) => {
          seen.push(`${p}:${e.type}:${e.layer}`);
          return false;
        },
      },
    });
    expect(seen).toContain('app/big.jar:file:0');
    expect(seen).toContain('app/pkg-link.json:hardlink:2');
  });

  it('skips a file over the per-file cap, and matches past the total cap, saying so', async () => {
    const perFile = await readLayers(tmp.dir, layers, {
      contents: { match: (p) => p.endsWith('.jar'), maxFileBytes: 1000 },
    });
    expect(perFile.files.size).toBe(0);
    expect(perFile.diagnostics.map((d) => [d.code, d.path])).toEqual([['file-too-large', 'app/big.jar']]);

    const total = await readLayers(tmp.dir, layers, { contents: { match: () => true, maxTotalBytes: 5011 } });
    expect(total.diagnostics.map((d) => d.code)).toEqual(['content-limit']);
    expect(total.files.has('app/big.jar')).toBe(true);
    expect(total.files.has('var/lib/dpkg/status')).toBe(false);
  });
});

describe('visiting every file of every layer', () => {
  it('hands over each regular file of each layer in order, one at a time, cut at the cap', async () => {
    const visited: string[] = [];
    let inFlight = 0;
    const onFile = async (f: LayerFile) => {
      inFlight++;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      visited.push(`${f.layer}:${f.path}:${f.content.length}:${f.truncated}`);
      inFlight--;
    };
    await readLayers(tmp.dir, layers, { visit: { onFile, maxFileBytes: 100 } });
    expect(visited).toEqual([
      '0:var/lib/dpkg/status:2:false',
      '0:app/.env:9:false',
      '0:app/big.jar:100:true',
      '1:var/lib/dpkg/status:8:false',
      '1:app/pkg.json:2:false',
    ]);
  });

  it('can be combined with collecting, in the same single pass', async () => {
    const visited: string[] = [];
    const { files } = await readLayers(tmp.dir, layers, {
      visit: { match: (p) => p.endsWith('.jar'), maxFileBytes: 10, onFile: (f) => void visited.push(f.path) },
      contents: { match: (p) => p.endsWith('.jar') },
    });
    expect(visited).toEqual(['app/big.jar']);
    expect(files.get('app/big.jar')?.content.length).toBe(5000);
  });
});
