import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from './open-image.js';
import { readImageFilesystem } from './read-image.js';
import {
  type BuiltImage,
  buildImage,
  type Files,
  type ImageSpec,
  sha256,
  tempDir,
  zstdAvailable,
} from './testing/build-image.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const spec: ImageSpec = {
  config: { User: 'app' },
  layers: [{ files: { 'etc/os-release': 'ID=debian\n' } }, { files: { 'app/main': 'main' } }],
};
const blobName = (digest: string) => `blobs/sha256/${digest.slice(7)}`;

/** Rewrites the manifest, then points index.json at the new one, so only the intended lie remains. */
function editManifest(files: Files, built: BuiltImage, edit: (m: { layers: { size: number }[] }) => void) {
  const manifest = JSON.parse(built.manifest.toString());
  edit(manifest);
  const blob = Buffer.from(JSON.stringify(manifest));
  files.delete(blobName(built.manifestDigest));
  files.set(blobName(sha256(blob)), blob);
  const index = JSON.parse(files.get('index.json')!.toString());
  index.manifests[0] = { ...index.manifests[0], digest: sha256(blob), size: blob.length };
  files.set('index.json', Buffer.from(JSON.stringify(index)));
}

async function open(tamper: Parameters<typeof buildImage>[3], format: 'oci-dir' | 'docker' = 'oci-dir') {
  const { path } = await buildImage(spec, format, tmp.dir, tamper);
  const image = await openImage(path);
  return { image, read: await readImageFilesystem(image) };
}

describe('digest verification', () => {
  it('a layer blob that does not hash to its manifest digest is listed but untrusted', async () => {
    const { read } = await open((files, [built]) => {
      const layer = built!.layers[1]!;
      files.set(blobName(layer.digest), gzipSync(layer.tar, { level: 1 }));
    });
    expect(read.diagnostics.map((d) => [d.level, d.code])).toEqual([['error', 'digest-mismatch']]);
    expect(read.diagnostics[0]!.message).toMatch(
      /layer 1 \(sha256:\w{12}\): the blob has digest .* but the manifest says/,
    );
    expect(read.layers.map((l) => l.trusted)).toEqual([true, false]);
    expect(read.layers[1]).toMatchObject({ complete: true });
    expect(read.fs.get('app/main')).toMatchObject({ layer: 1 });
  });

  it("an uncompressed tar that does not hash to the config's diff_id is untrusted", async () => {
    const { read } = await open((files, [built]) => {
      const layer = built!.layers[0]!;
      files.set(`${layer.diffId.slice(7)}/layer.tar`, Buffer.from(layer.tar).fill(0x58, 512, 514));
    }, 'docker');
    expect(read.diagnostics.map((d) => d.code)).toEqual(['digest-mismatch']);
    expect(read.diagnostics[0]!.message).toMatch(/uncompressed tar has digest .* config's diff_id/);
    expect(read.layers.map((l) => l.trusted)).toEqual([false, true]);
  });

  it('a config that does not hash to its digest is reported and still read', async () => {
    const { image } = await open((files, [built]) => {
      const config = JSON.parse(built!.config.toString());
      config.config.User = 'root';
      files.set(blobName(built!.configDigest), Buffer.from(JSON.stringify(config)));
    });
    expect(image.diagnostics.map((d) => d.code)).toEqual(['size-mismatch', 'digest-mismatch']);
    expect(image.diagnostics[1]!.message).toMatch(/config blobs\/sha256\/\w+ has digest/);
    expect(image.config?.user).toBe('root');
  });

  it('a manifest that lies about a layer size is reported', async () => {
    const { image, read } = await open((files, [built]) => {
      editManifest(files, built!, (m) => {
        m.layers[0]!.size += 100;
      });
    });
    expect(image.diagnostics.map((d) => d.code)).toEqual(['size-mismatch']);
    expect(image.diagnostics[0]!.message).toMatch(/layer 0 .* bytes but the manifest says/);
    expect(read.diagnostics).toEqual([]);
  });

  it('a layer listed but absent from the archive is reported; the others are read', async () => {
    const { image, read } = await open((files, [built]) => {
      files.delete(blobName(built!.layers[0]!.digest));
    });
    expect(image.diagnostics.map((d) => d.code)).toEqual(['layer-missing']);
    expect(image.layers[0]!.source).toEqual({ kind: 'missing' });
    expect(read.layers.map((l) => l.complete)).toEqual([false, true]);
    expect(read.fs.get('app/main')).toBeDefined();
  });

  it('a layer blob that cannot be read is a read-error, not a crash', async () => {
    const { path } = await buildImage(spec, 'oci-dir', tmp.dir);
    const image = await openImage(path);
    const layer = image.layers[0]!;
    if (layer.source.kind !== 'blob') throw new Error('expected a blob');
    layer.source = { kind: 'blob', blob: { ...layer.source.blob, file: join(path, 'gone') } };
    const read = await readImageFilesystem(image);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['read-error']);
    expect(read.layers.map((l) => l.complete)).toEqual([false, true]);
  });

  it('computes the digests of what it read', async () => {
    const { path, built } = await buildImage(spec, 'oci-tar', tmp.dir);
    const read = await readImageFilesystem(await openImage(path));
    expect(read.layers.map((l) => [l.blobDigest, l.diffId])).toEqual(
      built[0]!.layers.map((l) => [l.digest, l.diffId]),
    );
  });

  it('gzip and plain layers in one image both verify', async () => {
    await expectVerified([
      { files: { a: 'gzip' }, compression: 'gzip' },
      { files: { b: 'plain' }, compression: 'none' },
    ]);
  });

  it.skipIf(!zstdAvailable)('zstd layers verify (needs /usr/bin/zstd to make them)', async () => {
    await expectVerified([
      { files: { c: 'zstd' }, compression: 'zstd' },
      { files: { d: 'gzip' }, compression: 'gzip' },
    ]);
  });
});

async function expectVerified(layers: ImageSpec['layers']) {
  const { path } = await buildImage({ layers }, 'oci-dir', tmp.dir);
  const read = await readImageFilesystem(await openImage(path));
  expect(read.diagnostics).toEqual([]);
  expect(read.layers.map((l) => [l.compression, l.trusted])).toEqual(
    layers.map((l) => [l.compression, true]),
  );
  expect(read.fs.size).toBe(layers.length);
}
