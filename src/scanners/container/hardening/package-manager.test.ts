import { describe, expect, it } from 'vitest';
import { packageManager } from './package-manager.js';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run } = imagesFor(packageManager);
const ELF = { content: 'ELF', mode: 0o755 };

describe('container/package-manager', () => {
  it('reports apt once, naming the other programs of the family and the base layer', async () => {
    const results = await run({ base: DEBIAN });
    expect(results).toEqual([
      expect.objectContaining({ ruleId: 'container/package-manager', location: 'usr/bin/apt-get', layer: 0 }),
    ]);
    expect(results[0]!.message).toBe(
      "usr/bin/apt-get is in the image, with usr/bin/apt, usr/bin/dpkg (added by layer 0 (# debian.sh --arch 'amd64' out/ 'bookworm' '@1718236800')): a runtime image needs no package manager",
    );
  });

  it('reports apk on Alpine, and pip and npm wherever they are', async () => {
    const results = await run({
      base: ALPINE,
      layers: [
        {
          files: {
            'usr/local/bin/pip3': ELF,
            'usr/local/bin/pip': { symlink: 'pip3' },
            'usr/local/lib/node_modules/npm/bin/npm-cli.js': ELF,
            'usr/local/bin/npm': { symlink: '../lib/node_modules/npm/bin/npm-cli.js' },
          },
        },
      ],
    });
    expect(results.map((r) => [r.location, r.key])).toEqual([
      ['sbin/apk', 'package-manager:apk'],
      ['usr/local/bin/pip', 'package-manager:pip'],
      ['usr/local/bin/npm', 'package-manager:npm'],
    ]);
  });

  it('passes distroless, which lists packages without a package manager', async () => {
    expect(await run({ base: DISTROLESS })).toEqual([]);
  });

  it('passes a dangling link, which runs nothing', async () => {
    expect(
      await run({
        base: DISTROLESS,
        layers: [{ files: { 'usr/local/bin/npm': { symlink: '/nowhere/npm' } } }],
      }),
    ).toEqual([]);
  });

  it('passes build images: a compiler on a bin directory', async () => {
    expect(
      await run({
        base: DEBIAN,
        layers: [{ files: { 'usr/bin/gcc': { symlink: 'gcc-12' }, 'usr/bin/gcc-12': ELF } }],
      }),
    ).toEqual([]);
    expect(await run({ base: DEBIAN, layers: [{ files: { 'usr/local/go/bin/go': ELF } }] })).toEqual([]);
  });
});
