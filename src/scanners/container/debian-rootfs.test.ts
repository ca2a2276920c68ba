import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardeningInput, runHardeningChecks } from './hardening/index.js';
import { buildImage } from './image/testing/build-image.js';
import { fileLayer } from './layer-origin.js';
import { type ImageInventory, readImageInventory } from './read-image.js';
import { debianRootfs, dpkgQuery, rootfsTar } from './testing/debian-rootfs.js';

/**
 * A real Debian 12 made by debootstrap, read as a folder, as a `docker save` tar and as a gzip
 * OCI layout, checked against what dpkg itself says is installed. CI has debootstrap (`.ci/run`
 * installs it) and must run this; elsewhere it is skipped with the reason.
 */
const rootfs = debianRootfs();
if (!rootfs.ok && process.env.CI === 'true')
  throw new Error(`the Debian root filesystem is needed in CI: ${rootfs.why}`);
if (!rootfs.ok) console.warn(`debian-rootfs.test skipped: ${rootfs.why}`);
const root = rootfs.ok ? rootfs.root : '';

const APP_LAYER = {
  createdBy: 'COPY app/ /srv/app/ # buildkit',
  files: {
    'srv/app/node_modules/lodash/package.json': JSON.stringify({ name: 'lodash', version: '4.17.20' }),
    'srv/app/server.js': 'require("lodash")\n',
  },
};

const asDpkg = (inv: ImageInventory) =>
  inv.osPackages.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion, p.arch].join('\t')).sort();

describe.runIf(rootfs.ok)('a real Debian 12 root filesystem (debootstrap --variant=minbase)', () => {
  let dir: string;
  let truth: string[];
  let images: Record<'docker' | 'oci', string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gh-debian-'));
    truth = dpkgQuery(root);
    const tar = rootfsTar(root);
    const spec = {
      repoTags: ['debian-minbase:test'],
      config: { User: '1000', Cmd: ['node', 'server.js'] },
      layers: [{ createdBy: '/bin/sh -c #(nop) ADD file:debootstrap in / ', files: {}, tar }, APP_LAYER],
    };
    images = {
      docker: (await buildImage(spec, 'docker', dir)).path,
      oci: (await buildImage(spec, 'oci-tar', dir)).path,
    };
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every package dpkg lists, with source and version, from the folder', async () => {
    const inv = await readImageInventory(root);
    expect(truth.length).toBeGreaterThan(80);
    expect(asDpkg(inv)).toEqual(truth);
    expect(inv.os).toMatchObject({ id: 'debian', versionId: '12' });
    expect(inv.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it.each(['docker', 'oci'] as const)(
    'reads the same packages from the %s image, each in the base layer',
    async (kind) => {
      const inv = await readImageInventory(images[kind]);
      expect(asDpkg(inv)).toEqual(truth);
      expect(inv.langPackages.map((p) => `${p.name}@${p.version}`)).toEqual(['lodash@4.17.20']);
      const layers = new Set(inv.osPackages.map((p) => inv.watcher.osPackageLayer(p, inv.filesystem.fs)));
      expect([...layers]).toEqual([0]);
      expect(inv.langPackages.map((p) => fileLayer(inv.filesystem.fs, p.source.path))).toEqual([1]);
      expect(inv.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      const input = hardeningInput(inv.image, inv.filesystem, { os: inv.os, packages: inv.osPackages });
      const fired = new Set(runHardeningChecks(input).map((r) => r.ruleId));
      // Debian ships setuid su, mount, passwd… (all on the allow-list) and a sticky /tmp: no finding.
      expect(fired.has('container/setuid-binary')).toBe(false);
      expect(fired.has('container/world-writable')).toBe(false);
      expect(fired.has('container/runs-as-root')).toBe(false);
    },
    120_000,
  );
});
