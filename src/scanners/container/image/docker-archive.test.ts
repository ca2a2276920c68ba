import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/errors.js';
import { openImage } from './open-image.js';
import { readImageFilesystem } from './read-image.js';
import {
  buildImage,
  buildParts,
  dockerLegacyFiles,
  type Files,
  tempDir,
  writeFolder,
  writeTar,
} from './testing/build-image.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

const app = {
  repoTags: ['app:1'],
  layers: [{ files: { 'etc/app': 'one' }, createdBy: 'COPY app /etc/app' }],
};
const web = { repoTags: ['web:2', 'web:latest'], layers: [{ files: { 'etc/web': 'two' } }] };

/** Two images in one `docker save`, as `docker save app:1 web:2` writes them. */
async function twoImages(): Promise<Files> {
  const a = dockerLegacyFiles(await buildParts(app, 'none'));
  const b = dockerLegacyFiles(await buildParts(web, 'none'));
  const manifest = [
    ...JSON.parse(a.get('manifest.json')!.toString()),
    ...JSON.parse(b.get('manifest.json')!.toString()),
  ];
  return new Map([...a, ...b, ['manifest.json', Buffer.from(JSON.stringify(manifest))]]);
}

describe('docker save archives', () => {
  it('with several images: the first by default (with a warning), another by tag', async () => {
    const path = join(tmp.dir, 'two.tar');
    await writeTar(await twoImages(), path);
    const first = await openImage(path);
    expect(first.repoTags).toEqual(['app:1']);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['several-images']);
    const second = await openImage(path, { reference: 'web:latest' });
    expect(second.repoTags).toEqual(['web:2', 'web:latest']);
    expect(second.diagnostics).toEqual([]);
    await expect(openImage(path, { reference: 'db:9' })).rejects.toThrow(UserError);
    await expect(openImage(path, { reference: 'db:9' })).rejects.toThrow(/app:1, web:2, web:latest/);
  });

  it('reads a layer stored once and linked from a second name (older docker save dedupes so)', async () => {
    const built = await buildParts(app, 'none');
    const files = dockerLegacyFiles(built);
    const layerName = `${built.layers[0]!.diffId.slice(7)}/layer.tar`;
    const path = join(tmp.dir, 'linked.tar');
    const p = pack();
    const chunks: Buffer[] = [];
    const done = (async () => {
      for await (const c of p) chunks.push(c as Buffer);
    })();
    p.entry({ name: 'shared/layer.tar' }, files.get(layerName)!);
    p.entry({ name: layerName, type: 'symlink', linkname: '../shared/layer.tar' });
    for (const [name, body] of files) if (name !== layerName) p.entry({ name }, body);
    p.finalize();
    await done;
    writeFileSync(path, Buffer.concat(chunks));
    const image = await openImage(path);
    expect(image.diagnostics).toEqual([]);
    const read = await readImageFilesystem(image);
    expect(read.layers[0]).toMatchObject({ trusted: true });
    expect(read.fs.get('etc/app')).toBeDefined();
  });

  it('reads an unpacked docker save folder', async () => {
    const dir = join(tmp.dir, 'unpacked');
    mkdirSync(dir);
    writeFolder(dockerLegacyFiles(await buildParts(app, 'none')), dir);
    const image = await openImage(dir);
    expect(image.source).toEqual({ kind: 'docker-archive', path: dir, archive: false });
    expect(image.layers[0]!.createdBy).toBe('COPY app /etc/app');
  });

  it('reports a manifest.json that is not JSON, or lacks Config or Layers', async () => {
    const broken = async (body: string) => {
      const { path } = await buildImage(app, 'docker', tmp.dir, (files) =>
        files.set('manifest.json', Buffer.from(body)),
      );
      const image = await openImage(path);
      expect(image.layers).toEqual([]);
      return image.diagnostics.map((d) => d.code);
    };
    expect(await broken('[{"Config": ')).toEqual(['invalid-json']);
    expect(await broken('[{"Config": "x.json"}]')).toEqual(['invalid-manifest']);
    expect(await broken('{"Config": "x.json", "Layers": []}')).toEqual(['invalid-manifest']);
  });

  it('reports a config whose diff_ids do not match the layers, and a history that does not match', async () => {
    const { path } = await buildImage(
      { ...app, history: [{ created_by: 'one' }, { created_by: 'two' }] },
      'docker',
      tmp.dir,
      (files) => {
        const manifest = JSON.parse(files.get('manifest.json')!.toString());
        manifest[0].Layers.push('missing/layer.tar');
        files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      },
    );
    const image = await openImage(path);
    expect(image.diagnostics.map((d) => d.code)).toEqual(['layer-count-mismatch', 'layer-missing']);
    expect(image.layers.map((l) => l.createdBy)).toEqual(['one', 'two']);
  });
});
