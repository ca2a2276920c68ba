import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayeredFs } from './layered-fs.js';
import { tempDir } from './testing/build-image.js';
import { readLayers } from './testing/read-layers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const paths = (fs: LayeredFs) => [...fs.entries()].map((e) => e.path).sort();
const deleted = (fs: LayeredFs) => [...fs.deletedFiles()].map((d) => [d.path, d.addedBy, d.deletedBy]);

describe('whiteouts', () => {
  it('.wh.name deletes a file of a lower layer and records it as deleted', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'app/': { dir: true }, 'app/.env': 'SECRET=1', 'app/main': 'x' },
      { 'app/.wh..env': '' },
    ]);
    expect(paths(fs)).toEqual(['app', 'app/main']);
    expect(deleted(fs)).toEqual([['app/.env', 0, 1]]);
    expect(fs.get('app/.env')).toBeUndefined();
    expect(fs.resolve('app/.env')).toMatchObject({ ok: false, reason: 'missing' });
    expect(fs.get('app/.wh..env')).toBeUndefined();
  });

  it('.wh.dir deletes a whole directory with everything in it', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'var/lib/apt/lists/a': 'a', 'var/lib/apt/lists/sub/b': 'b' },
      { 'var/lib/apt/.wh.lists': '' },
    ]);
    expect(paths(fs)).toEqual(['var', 'var/lib', 'var/lib/apt']);
    expect(deleted(fs).sort()).toEqual([
      ['var/lib/apt/lists/a', 0, 1],
      ['var/lib/apt/lists/sub/b', 0, 1],
    ]);
  });

  it('an opaque directory hides what lower layers put in it but keeps what its own layer adds', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'etc/app/old.conf': 'old', 'etc/app/sub/deep': 'd', 'etc/other': 'o' },
      {
        'etc/app/': { dir: true },
        'etc/app/new.conf': 'new',
        'etc/app/.wh..wh..opq': '',
        'etc/app/later': 'l',
      },
    ]);
    expect(paths(fs)).toEqual(['etc', 'etc/app', 'etc/app/later', 'etc/app/new.conf', 'etc/other']);
    expect(deleted(fs).sort()).toEqual([
      ['etc/app/old.conf', 0, 1],
      ['etc/app/sub/deep', 0, 1],
    ]);
  });

  it('an opaque directory keeps a lower subdirectory its own layer writes into, but not its old files', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'opt/x/sub/old': 'o' },
      { 'opt/x/sub/new': 'n', 'opt/x/.wh..wh..opq': '' },
    ]);
    expect(paths(fs)).toEqual(['opt', 'opt/x', 'opt/x/sub', 'opt/x/sub/new']);
  });

  it('a whiteout never hides what its own layer adds, before or after it in the tar', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'a/f': 'lower', 'b/f': 'lower' },
      { 'a/.wh.f': '', 'a/f': 'same layer, after', 'b/f': 'same layer, before', 'b/.wh.f': '' },
    ]);
    expect(fs.get('a/f')).toMatchObject({ layer: 1, size: 'same layer, after'.length });
    expect(fs.get('b/f')).toMatchObject({ layer: 1, size: 'same layer, before'.length });
    expect(deleted(fs)).toEqual([['a/f', 0, 1]]);
  });

  it('a file deleted then added again by a later layer is present, and its deletion still recorded', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'etc/key': 'v1' },
      { 'etc/.wh.key': '' },
      { 'etc/key': 'v3!' },
    ]);
    expect(fs.get('etc/key')).toMatchObject({ layer: 2, size: 3 });
    expect(deleted(fs)).toEqual([['etc/key', 0, 1]]);
  });

  it('a directory replaced by a file takes its subtree with it; a file replaced by a directory is recorded', async () => {
    const { fs } = await readLayers(tmp.dir, [
      { 'd/x': 'x', f: 'file' },
      { d: 'now a file', 'f/': { dir: true }, 'f/inner': 'i' },
    ]);
    expect(fs.get('d')).toMatchObject({ type: 'file' });
    expect(fs.get('f')).toMatchObject({ type: 'dir' });
    expect(deleted(fs).sort()).toEqual([
      ['d/x', 0, 1],
      ['f', 0, 1],
    ]);
  });

  it('ignores other AUFS metadata and whiteouts of paths that never existed', async () => {
    const { fs, diagnostics } = await readLayers(tmp.dir, [
      { a: 'a' },
      { '.wh..wh.plnk/1': '', '.wh.ghost': '' },
    ]);
    expect(paths(fs)).toEqual(['a']);
    expect(diagnostics).toEqual([]);
  });
});

describe('LayeredFs metadata', () => {
  it('keeps type, mode with setuid/setgid, owner, size, link target and the last writing layer', async () => {
    const { fs } = await readLayers(tmp.dir, [
      {
        'bin/su': { mode: 0o4755, uid: 0, content: 'su' },
        'usr/bin/wall': { mode: 0o2755, gid: 5, content: 'w' },
      },
      {
        'tmp/': { dir: true, mode: 0o1777 },
        'usr/lib/x': { symlink: '../../etc' },
        'bin/su2': { hardlink: 'bin/su' },
      },
      { 'dev/fifo': { fifo: true }, 'home/app/f': { uid: 1000, gid: 1000, content: 'abc' } },
    ]);
    expect(fs.get('/bin/su')).toEqual({
      path: 'bin/su',
      type: 'file',
      mode: 0o4755,
      uid: 0,
      gid: 0,
      size: 2,
      layer: 0,
    });
    expect(fs.get('usr/bin/wall')).toMatchObject({ mode: 0o2755, gid: 5 });
    expect(fs.get('tmp')).toMatchObject({ type: 'dir', mode: 0o1777, layer: 1 });
    expect(fs.get('usr/lib/x')).toMatchObject({ type: 'symlink', linkTarget: '../../etc', layer: 1 });
    expect(fs.get('bin/su2')).toMatchObject({ type: 'hardlink', linkTarget: 'bin/su', size: 2 });
    expect(fs.get('dev/fifo')).toMatchObject({ type: 'other' });
    expect(fs.get('home/app/f')).toMatchObject({ uid: 1000, gid: 1000, layer: 2 });
    expect(
      fs
        .children('bin')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['bin/su', 'bin/su2']);
    expect(fs.size).toBe(paths(fs).length);
  });
});

describe('resolve', () => {
  const fs = new LayeredFs();
  const file = { type: 'file' as const, mode: 0o644, uid: 0, gid: 0, size: 1 };
  const link = (target: string) => ({ ...file, type: 'symlink' as const, size: 0, linkTarget: target });
  fs.put(0, 'usr/lib/os-release', file);
  fs.put(0, 'etc/os-release', link('../usr/lib/os-release'));
  fs.put(0, 'lib', link('usr/lib'));
  fs.put(0, 'abs', link('/usr/lib'));
  fs.put(0, 'up', link('../../../../usr/lib/os-release'));
  fs.put(0, 'loop1', link('loop2'));
  fs.put(0, 'loop2', link('loop1'));
  fs.put(0, 'dangling', link('/nowhere/x'));

  it('follows relative, absolute and directory symlinks inside the image', () => {
    expect(fs.resolve('/etc/os-release')).toEqual({ ok: true, path: 'usr/lib/os-release' });
    expect(fs.resolve('lib/os-release')).toEqual({ ok: true, path: 'usr/lib/os-release' });
    expect(fs.resolve('abs/os-release')).toEqual({ ok: true, path: 'usr/lib/os-release' });
    // `..` after a symlink climbs from where the link led, as the kernel does: lib/.. is usr.
    expect(fs.resolve('lib/../lib/os-release')).toEqual({ ok: true, path: 'usr/lib/os-release' });
    expect(fs.resolve('lib/../etc/os-release')).toEqual({ ok: false, reason: 'missing', path: 'usr/etc' });
    expect(fs.resolve('etc/os-release', false)).toEqual({ ok: true, path: 'etc/os-release' });
  });

  it('stops `..` at the image root rather than leaving it', () => {
    expect(fs.resolve('up')).toEqual({ ok: true, path: 'usr/lib/os-release' });
  });

  it('reports loops, dangling links and files used as directories', () => {
    expect(fs.resolve('loop1')).toMatchObject({ ok: false, reason: 'loop' });
    expect(fs.resolve('dangling')).toEqual({ ok: false, reason: 'missing', path: 'nowhere' });
    expect(fs.resolve('usr/lib/os-release/x')).toMatchObject({ ok: false, reason: 'not-a-directory' });
  });
});
