import { describe, expect, it } from 'vitest';
import { packageCache } from './package-cache.js';
import { ALPINE, DEBIAN, DISTROLESS, imagesFor } from './testing/images.js';

const { run } = imagesFor(packageCache);
const KiB = (n: number) => Buffer.alloc(n * 1024, 'x');
const INSTALL = 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit';

describe('container/package-cache', () => {
  it('reports apt lists and downloaded .debs with their size and the layer that left them', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [
        {
          createdBy: INSTALL,
          files: {
            'var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4': KiB(900),
            'var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease': KiB(150),
            'var/cache/apt/archives/curl_7.88.1-10+deb12u8_amd64.deb': KiB(310),
            'var/cache/apt/pkgcache.bin': KiB(200),
          },
        },
      ],
    });
    expect(results.map((r) => [r.location, r.layer, r.properties])).toEqual([
      ['var/cache/apt', 1, { bytes: 510 * 1024, files: 2 }],
      ['var/lib/apt/lists', 1, { bytes: 1050 * 1024, files: 2 }],
    ]);
    expect(results[1]!.message).toBe(
      'var/lib/apt/lists (apt package lists) holds 1.0 MiB in 2 files, mostly written by layer 1 (RUN apt-get update && apt-get install -y curl)',
    );
  });

  it('reports pip and npm caches in every home directory', async () => {
    const results = await run({
      base: DEBIAN,
      layers: [
        {
          files: {
            'root/.cache/pip/http-v2/a/b/c/d/e/f0': KiB(100),
            'home/node/.npm/_cacache/content-v2/sha512/ab/cd': KiB(80),
          },
        },
      ],
    });
    expect(results.map((r) => r.location)).toEqual(['root/.cache/pip', 'home/node/.npm/_cacache']);
  });

  it('names the layer that wrote most of the bytes', async () => {
    const results = await run({
      base: ALPINE,
      layers: [
        { createdBy: 'RUN /bin/sh -c apk update', files: { 'var/cache/apk/APKINDEX.a.tar.gz': KiB(40) } },
        { createdBy: 'RUN /bin/sh -c apk add curl', files: { 'var/cache/apk/curl-8.9.1-r2.apk': KiB(300) } },
      ],
    });
    expect(results.map((r) => [r.location, r.layer])).toEqual([['var/cache/apk', 2]]);
  });

  it('passes clean base images, lock files, and leftovers under 64 KiB', async () => {
    for (const base of [DEBIAN, ALPINE, DISTROLESS]) expect(await run({ base })).toEqual([]);
    const small = { 'var/cache/dnf/expired_repos.json': '[]', 'var/cache/apt/archives/partial/x': KiB(10) };
    expect(await run({ base: DEBIAN, layers: [{ files: small }] })).toEqual([]);
  });
});
