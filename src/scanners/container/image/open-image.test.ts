import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { openImage } from './open-image.js';
import { readImageFilesystem } from './read-image.js';
import { buildImage, type Format, type ImageSpec, tempDir } from './testing/build-image.js';

const spec: ImageSpec = {
  repoTags: ['example.com/team/app:1.2'],
  config: {
    User: 'app',
    Env: ['PATH=/usr/bin', 'MODE=prod'],
    ExposedPorts: { '8080/tcp': {} },
    Healthcheck: { Test: ['CMD', 'curl', '-f', 'http://localhost/'], Interval: 30e9, Retries: 3 },
    Entrypoint: ['/bin/app'],
    Cmd: ['--serve'],
    Labels: { maintainer: 'team@example.com' },
  },
  history: [
    { created_by: 'ADD rootfs.tar /' },
    { created_by: 'ENV MODE=prod', empty_layer: true },
    { created_by: 'RUN install app' },
  ],
  layers: [
    { files: { 'etc/': { dir: true }, 'etc/os-release': 'ID=debian\nVERSION_ID="12"\n' } },
    {
      files: {
        'bin/app': { mode: 0o755, content: '#!/bin/sh\n' },
        'bin/su': { mode: 0o4755, content: 'su' },
      },
    },
  ],
};

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

describe.each<Format>(['docker', 'docker25', 'oci-dir', 'oci-tar'])('openImage on a %s image', (format) => {
  it('reads the config, tags, digests and layers, and the files come back', async () => {
    const { path, built } = await buildImage(spec, format, tmp.dir);
    const image = await openImage(path);
    expect(image.diagnostics).toEqual([]);
    expect(image.source).toEqual({
      kind: format.startsWith('docker') ? 'docker-archive' : 'oci-layout',
      path,
      archive: format !== 'oci-dir',
    });
    expect(image.repoTags).toEqual(['example.com/team/app:1.2']);
    expect(image.id).toBe(built[0]!.configDigest);
    expect(image.digest).toBe(format === 'docker' ? undefined : built[0]!.manifestDigest);
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.config).toMatchObject({
      user: 'app',
      env: ['PATH=/usr/bin', 'MODE=prod'],
      exposedPorts: ['8080/tcp'],
      healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost/'], interval: 30e9, retries: 3 },
      entrypoint: ['/bin/app'],
      cmd: ['--serve'],
      labels: { maintainer: 'team@example.com' },
      diffIds: built[0]!.layers.map((l) => l.diffId),
    });
    expect(image.layers.map((l) => [l.index, l.diffId, l.createdBy, l.size])).toEqual(
      built[0]!.layers.map((l, i) => [
        i,
        l.diffId,
        ['ADD rootfs.tar /', 'RUN install app'][i],
        l.blob.length,
      ]),
    );
    if (format !== 'docker')
      expect(image.layers.map((l) => l.digest)).toEqual(built[0]!.layers.map((l) => l.digest));

    const read = await readImageFilesystem(image, { contents: { match: (p) => p === 'etc/os-release' } });
    expect(read.diagnostics).toEqual([]);
    expect(read.layers.every((l) => l.complete && l.trusted)).toBe(true);
    expect(read.files.get('etc/os-release')?.content.toString()).toContain('ID=debian');
    expect(read.fs.get('bin/su')).toMatchObject({ type: 'file', mode: 0o4755, layer: 1, size: 2 });
  });
});

describe('openImage detection', () => {
  it('reads a plain folder as a root filesystem, without following symlinks out of it', async () => {
    const root = join(tmp.dir, 'rootfs');
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/os-release'), 'ID=alpine\n');
    symlinkSync('/etc/passwd', join(root, 'etc/host-passwd'));
    symlinkSync('/', join(root, 'hostroot'));
    const image = await openImage(root);
    expect(image.source.kind).toBe('rootfs');
    expect(image.config).toBeUndefined();
    const read = await readImageFilesystem(image, { contents: { match: () => true } });
    expect(read.fs.get('etc/host-passwd')).toMatchObject({ type: 'symlink', linkTarget: '/etc/passwd' });
    expect(read.fs.get('hostroot')).toMatchObject({ type: 'symlink', linkTarget: '/' });
    expect([...read.files.keys()]).toEqual(['etc/os-release']);
    expect(read.fs.resolve('etc/host-passwd')).toEqual({ ok: false, reason: 'missing', path: 'etc/passwd' });
  });

  it('reads a flat tar (docker export) as a root filesystem', async () => {
    const { path } = await buildImage(spec, 'docker', tmp.dir, (files) => {
      const layer = [...files.entries()].find(([n]) => n.endsWith('layer.tar'))![1];
      files.clear();
      files.set('unused', layer);
    });
    const image = await openImage(path);
    expect(image.source).toMatchObject({ kind: 'rootfs', archive: true });
    const read = await readImageFilesystem(image);
    expect(read.fs.get('unused')).toMatchObject({ type: 'file' });
  });

  it('throws a UserError naming the path when it does not exist, is not a tar, or is compressed', async () => {
    await expect(openImage(join(tmp.dir, 'nope.tar'))).rejects.toThrow(UserError);
    await expect(openImage(join(tmp.dir, 'nope.tar'))).rejects.toThrow(/nope\.tar does not exist/);
    const junk = join(tmp.dir, 'junk.bin');
    writeFileSync(junk, 'just some text, long enough to fill a block '.repeat(20));
    await expect(openImage(junk)).rejects.toThrow(/junk\.bin is not a tar archive/);
    const gz = join(tmp.dir, 'image.tar.gz');
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0, ...Array(600).fill(0)]));
    await expect(openImage(gz)).rejects.toThrow(/gzip-compressed/);
  });
});
