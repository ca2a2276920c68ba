import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { openImage } from './open-image.js';
import { readImageFilesystem } from './read-image.js';
import { buildImage, type Files, type ImageSpec, tempDir } from './testing/build-image.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const amd64: ImageSpec = {
  repoTags: ['registry.example/app:2.0'],
  platform: { os: 'linux', architecture: 'amd64' },
  layers: [{ files: { arch: 'amd64' } }],
};
const arm64: ImageSpec = {
  ...amd64,
  platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
  layers: [{ files: { arch: 'arm64' } }],
};

const setJson = (files: Files, name: string, value: unknown) =>
  files.set(name, Buffer.from(JSON.stringify(value)));
const indexOf = (files: Files) => JSON.parse(files.get('index.json')!.toString());

async function archOf(path: string, platform?: string) {
  const image = await openImage(path, platform ? { platform } : {});
  const read = await readImageFilesystem(image, { contents: { match: (p) => p === 'arch' } });
  return { image, arch: read.files.get('arch')?.content.toString() };
}

describe('OCI image index', () => {
  it('picks linux/amd64 by default from a two-platform index, and another platform on request', async () => {
    for (const order of [
      [arm64, amd64],
      [amd64, arm64],
    ]) {
      const { path, built } = await buildImage(order, 'oci-tar', tmp.dir);
      const def = await archOf(path);
      expect(def.arch).toBe('amd64');
      expect(def.image.diagnostics).toEqual([]);
      expect(def.image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
      expect(def.image.digest).toBe(built[order.indexOf(amd64)]!.manifestDigest);
      expect(def.image.repoTags).toEqual(['registry.example/app:2.0']);
      expect(def.image.reference).toBe('registry.example/app:2.0');
      const arm = await archOf(path, 'linux/arm64');
      expect(arm.arch).toBe('arm64');
      expect(arm.image.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    }
  });

  it('throws a UserError naming the platforms there are when the one asked for is not', async () => {
    const { path } = await buildImage([amd64, arm64], 'oci-dir', tmp.dir);
    const attempt = openImage(path, { platform: 'linux/s390x' });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(openImage(path, { platform: 'linux/s390x' })).rejects.toThrow(
      /linux\/amd64, linux\/arm64\/v8/,
    );
    await expect(openImage(path, { platform: 'linux' })).rejects.toThrow(/os\/architecture/);
  });

  it('takes a lone manifest that does not say its platform for any platform asked', async () => {
    const { path } = await buildImage(amd64, 'oci-dir', tmp.dir);
    const { arch, image } = await archOf(path, 'linux/arm64');
    expect(arch).toBe('amd64');
    expect(image.diagnostics.map((d) => d.code)).toEqual(['platform-mismatch']);
  });

  it('leaves out attestation manifests', async () => {
    const { path } = await buildImage([arm64, amd64], 'oci-dir', tmp.dir, (files) => {
      const index = indexOf(files);
      const nested = files.get(`blobs/sha256/${index.manifests[0].digest.slice(7)}`)!;
      const list = JSON.parse(nested.toString());
      list.manifests.unshift({
        ...list.manifests[0],
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      });
      // Points index.json straight at the edited list, as a layout may.
      index.manifests = list.manifests.map((m: object) => ({
        ...m,
        annotations: { ...(m as { annotations?: object }).annotations },
      }));
      setJson(files, 'index.json', index);
    });
    const { arch, image } = await archOf(path, 'linux/arm64');
    expect(arch).toBe('arm64');
    expect(image.diagnostics).toEqual([]);
  });

  it('chooses by reference, and throws naming the references there are when none matches', async () => {
    const { path } = await buildImage(amd64, 'oci-dir', tmp.dir);
    expect((await openImage(path, { reference: 'app:2.0' })).repoTags).toEqual(['registry.example/app:2.0']);
    expect((await openImage(path, { reference: '2.0' })).layers).toHaveLength(1);
    await expect(openImage(path, { reference: 'app:3.0' })).rejects.toThrow(/registry\.example\/app:2\.0/);
  });
});

describe('broken OCI layouts', () => {
  const codesOf = async (tamper: (files: Files) => void) => {
    const { path } = await buildImage(amd64, 'oci-dir', tmp.dir, tamper);
    const image = await openImage(path);
    return { image, codes: image.diagnostics.map((d) => d.code) };
  };

  it('index.json that is not JSON', async () => {
    const { image, codes } = await codesOf((files) =>
      files.set('index.json', Buffer.from('{"manifests": [')),
    );
    expect(codes).toEqual(['invalid-json', 'no-manifest']);
    expect(image.layers).toEqual([]);
  });

  it('index.json without manifests, or with a digest that is not one', async () => {
    expect((await codesOf((files) => setJson(files, 'index.json', { schemaVersion: 2 }))).codes).toEqual([
      'invalid-index',
      'no-manifest',
    ]);
    const evil = (files: Files) => {
      const index = indexOf(files);
      index.manifests[0].digest = 'sha256:../../../../etc/passwd';
      setJson(files, 'index.json', index);
    };
    expect((await codesOf(evil)).codes).toEqual(['invalid-index', 'no-manifest']);
  });

  it('a manifest without a config descriptor', async () => {
    const { codes } = await codesOf((files) => {
      const index = indexOf(files);
      const name = `blobs/sha256/${index.manifests[0].digest.slice(7)}`;
      const manifest = JSON.parse(files.get(name)!.toString());
      delete manifest.config;
      setJson(files, name, manifest);
    });
    expect(codes).toEqual(['size-mismatch', 'digest-mismatch', 'invalid-manifest']);
  });

  it('a manifest blob missing from the layout', async () => {
    const { codes } = await codesOf((files) => {
      files.delete(`blobs/sha256/${indexOf(files).manifests[0].digest.slice(7)}`);
    });
    expect(codes).toEqual(['blob-missing']);
  });

  it('an oci-layout marker without a version', async () => {
    const { image, codes } = await codesOf((files) => setJson(files, 'oci-layout', {}));
    expect(codes).toEqual(['invalid-layout']);
    expect(image.layers).toHaveLength(1);
  });

  it('a config that is not an object', async () => {
    const { image, codes } = await codesOf((files) => {
      const index = indexOf(files);
      const manifest = JSON.parse(
        files.get(`blobs/sha256/${index.manifests[0].digest.slice(7)}`)!.toString(),
      );
      setJson(files, `blobs/sha256/${manifest.config.digest.slice(7)}`, ['not', 'a', 'config']);
    });
    expect(codes).toEqual(['size-mismatch', 'digest-mismatch', 'invalid-config']);
    expect(image.config).toBeUndefined();
    expect(image.layers).toHaveLength(1);
  });
});
