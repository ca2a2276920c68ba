import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, zstdAvailable } from './testing/build-image.js';
import { compress, packLayer } from './testing/layer-tar.js';
import { END_OF_ARCHIVE, gnuLongNameFile, rawMember } from './testing/raw-tar.js';
import { readLayers } from './testing/read-layers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('hostile entry names and links', () => {
  it('skips entries that climb out of the root, and normalises ./ and leading /', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [
      {
        '../../etc/cron.d/evil': 'x',
        'a/../../../b': 'y',
        '/abs/file': 'z',
        './rel/./file': 'w',
        'ok/../fine': 'v',
      },
    ]);
    expect([...fs.entries()].map((e) => e.path).sort()).toEqual([
      'abs',
      'abs/file',
      'fine',
      'rel',
      'rel/file',
    ]);
    expect(codes(diagnostics)).toEqual(['path-escape', 'path-escape']);
    expect(diagnostics[0]).toMatchObject({ level: 'error', path: '../../etc/cron.d/evil' });
    expect(diagnostics[0]!.message).toMatch(
      /layer 0 \(sha256:[0-9a-f]{12}\): entry \.\.\/\.\.\/etc\/cron\.d\/evil/,
    );
  });

  it('keeps a symlink that points above the root, reports it, and never resolves outside', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [
      {
        'usr/lib/x': { symlink: '../../etc' },
        'usr/lib/evil': { symlink: '../../../../../etc/shadow' },
        'etc/shadow': 's',
      },
    ]);
    expect(fs.get('usr/lib/evil')).toMatchObject({
      type: 'symlink',
      linkTarget: '../../../../../etc/shadow',
    });
    expect(codes(diagnostics)).toEqual(['symlink-escape']);
    expect(diagnostics[0]).toMatchObject({ level: 'warning', path: 'usr/lib/evil' });
    expect(fs.resolve('usr/lib/evil')).toEqual({ ok: true, path: 'etc/shadow' });
    expect(fs.resolve('usr/lib/x/shadow')).toEqual({ ok: true, path: 'etc/shadow' });
  });

  it('skips a hard link to a file that does not exist', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [
      { 'bin/a': { hardlink: 'bin/missing' }, 'bin/d/': { dir: true } },
    ]);
    expect(fs.get('bin/a')).toBeUndefined();
    expect(codes(diagnostics)).toEqual(['hardlink-missing-target']);
    expect(diagnostics[0]).toMatchObject({ path: 'bin/a' });
  });

  it('writes through a directory symlink of a lower layer, as docker does, and says so', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [
      { 'srv/data/': { dir: true }, data: { symlink: 'srv/data' } },
      { 'data/new/file': 'n' },
    ]);
    expect(fs.get('srv/data/new/file')).toMatchObject({ layer: 1 });
    expect(fs.get('data')).toMatchObject({ type: 'symlink' });
    expect(codes(diagnostics)).toEqual(['path-through-symlink']);
  });

  it('reads pax long names and GNU long names', async () => {
    const long = `${'deep/'.repeat(40)}file-ä.txt`;
    const gnu = `${'gnu/'.repeat(40)}name.txt`;
    const blob = Buffer.concat([
      await packLayer({ [long]: 'pax' }).then(stripEnd),
      gnuLongNameFile(gnu, 'gnu'),
      END_OF_ARCHIVE,
    ]);
    const { fs, diagnostics } = await readLayers(tmp.dir, {
      layers: [{ files: {}, blob, compression: 'none' }],
    });
    expect(diagnostics).toEqual([]);
    expect(fs.get(long)).toMatchObject({ type: 'file', size: 3 });
    expect(fs.get(gnu)).toMatchObject({ type: 'file', size: 3 });
  });

  it('a bare whiteout at the root, or of the root, removes nothing it should not', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [
      { a: 'a' },
      { '.wh.': '', './.wh..wh..opq': '', 'b/c': 'c' },
    ]);
    expect([...fs.entries()].map((e) => e.path).sort()).toEqual(['b', 'b/c']);
    expect(diagnostics).toEqual([]);
  });

  it('refuses entry names longer than PATH_MAX', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [{ [`${'x/'.repeat(2100)}f`]: 'x', ok: 'ok' }]);
    expect(codes(diagnostics)).toEqual(['path-too-long']);
    expect(fs.get('ok')).toBeDefined();
  });
});

describe('broken layer blobs', () => {
  const later = { files: { 'later/file': 'still read' } };

  async function readBroken(blob: Buffer) {
    const result = await readLayers(tmp.dir, { layers: [{ files: {}, blob, compression: 'none' }, later] });
    expect(result.fs.get('later/file')).toBeDefined();
    expect(result.layers[0]).toMatchObject({ complete: false, trusted: false });
    return result;
  }

  it('a truncated tar keeps the entries before the cut', async () => {
    const tar = await packLayer({ first: 'a', second: 'b'.repeat(3000) });
    const { fs, diagnostics } = await readBroken(tar.subarray(0, 1500));
    expect(fs.get('first')).toBeDefined();
    expect(codes(diagnostics)).toEqual(['truncated-layer']);
    expect(diagnostics[0]!.message).toMatch(/layer 0 .*ends early/);
  });

  it('a truncated gzip stream', async () => {
    const gz = gzipSync(await packLayer({ first: 'a', second: 'b'.repeat(30000) }));
    const { diagnostics } = await readBroken(gz.subarray(0, gz.length - 30));
    expect(codes(diagnostics)).toEqual(['truncated-layer']);
  });

  it.skipIf(!zstdAvailable)('a truncated zstd stream (needs /usr/bin/zstd)', async () => {
    const zst = compress(await packLayer({ first: 'a', second: 'b'.repeat(30000) }), 'zstd');
    const { diagnostics } = await readBroken(zst.subarray(0, zst.length - 10));
    expect(codes(diagnostics)).toEqual(['truncated-layer']);
  });

  it('a blob that is not a tar', async () => {
    const { diagnostics } = await readBroken(Buffer.from('<html>not a layer</html>'.repeat(40)));
    expect(codes(diagnostics)).toEqual(['not-a-tar']);
  });

  it('a gzip stream of garbage', async () => {
    const gz = gzipSync(Buffer.alloc(4096, 7));
    const { diagnostics } = await readBroken(gz);
    expect(codes(diagnostics)).toEqual(['not-a-tar']);
  });

  it('a decompression bomb stops at the cap, and the process goes on', async () => {
    const bomb = gzipSync(await packLayer({ zeros: Buffer.alloc(64 << 20) }));
    expect(bomb.length).toBeLessThan(1 << 20);
    const result = await readLayers(
      tmp.dir,
      { layers: [{ files: {}, blob: bomb, compression: 'none' }, later] },
      { maxLayerBytes: 8 << 20 },
    );
    expect(codes(result.diagnostics)).toEqual(['decompression-bomb']);
    expect(result.layers[0]).toMatchObject({ complete: false, compression: 'gzip' });
    expect(result.fs.get('later/file')).toBeDefined();
  });

  it('a pax header bigger than any real one', async () => {
    const pax = Buffer.from(`${'x'.repeat(10)}\n`.repeat(500_000));
    const blob = Buffer.concat([
      rawMember({ name: 'PaxHeader', size: pax.length, type: 'x' }, pax),
      END_OF_ARCHIVE,
    ]);
    const { diagnostics } = await readBroken(blob);
    expect(codes(diagnostics)).toEqual(['corrupt-layer']);
  });
});

function stripEnd(tar: Buffer): Buffer {
  let end = tar.length;
  while (end >= 512 && tar.subarray(end - 512, end).every((b) => b === 0)) end -= 512;
  return tar.subarray(0, end);
}
