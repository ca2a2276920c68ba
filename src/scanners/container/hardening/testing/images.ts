import { afterAll, beforeAll } from 'vitest';
import { openImage, readImageFilesystem } from '../../image/index.js';
import { buildImage, type ImageSpec, type LayerSpec, tempDir } from '../../image/testing/build-image.js';
import { isOsPackagePath, readOsPackages } from '../../os-packages/index.js';
import { wantsHardeningFile } from '../index.js';
import { hardeningInput } from '../input.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from '../types.js';

/**
 * Test helpers: real images (built in memory, written as OCI layouts, read back by the image
 * readers) shaped like the base images people ship, so every check is tried on the typical safe
 * cases as well as on the problem it looks for.
 */

const PASSWD_BASE =
  'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';

const TMP = { dir: true, mode: 0o1777 } as const;

/** Google distroless (static/base): no shell, no package manager, `nonroot` is uid 65532. */
export const DISTROLESS: LayerSpec = {
  createdBy: 'bazel build @distroless//base:static_nonroot_amd64_debian12',
  files: {
    'etc/passwd': `${PASSWD_BASE}nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n`,
    'etc/os-release': 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\n',
    'var/lib/dpkg/status.d/base-files': 'Package: base-files\nVersion: 12.4+deb12u6\nArchitecture: amd64\n',
    'tmp/': TMP,
    'home/nonroot/': { dir: true, mode: 0o700, uid: 65532, gid: 65532 },
  },
};

const APK_DB =
  'P:apk-tools\nV:2.14.4-r0\nA:x86_64\no:apk-tools\n\nP:busybox\nV:1.36.1-r29\nA:x86_64\no:busybox\n\n';

/** alpine:3.20 as its minirootfs lays it out: busybox, apk, sticky /tmp and /var/tmp. */
export const ALPINE: LayerSpec = {
  createdBy:
    '/bin/sh -c #(nop) ADD file:33ebe56b967747a97dcec01bc2559962bee8823686c9739d26be060381bbb3ca in / ',
  files: {
    'bin/busybox': { content: 'ELF', mode: 0o755 },
    'bin/sh': { symlink: '/bin/busybox' },
    'sbin/apk': { content: 'ELF', mode: 0o755 },
    'etc/passwd': PASSWD_BASE,
    'etc/shadow': { content: 'root:*::0:::::\n', mode: 0o640, gid: 42 },
    'etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n',
    'lib/apk/db/installed': APK_DB,
    'tmp/': TMP,
    'var/tmp/': TMP,
    'var/cache/apk/': { dir: true },
  },
};

const SUID = (mode: number, gid = 0) => ({ content: 'ELF', mode, gid });

/** debian:12 as debuerreotype builds it: merged /usr, the shadow/util-linux setuid set, apt, empty apt lists. */
export const DEBIAN: LayerSpec = {
  createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1718236800'",
  files: {
    'usr/bin/': { dir: true },
    'usr/sbin/': { dir: true },
    bin: { symlink: 'usr/bin' },
    sbin: { symlink: 'usr/sbin' },
    'usr/bin/su': SUID(0o4755),
    'usr/bin/passwd': SUID(0o4755),
    'usr/bin/chsh': SUID(0o4755),
    'usr/bin/chfn': SUID(0o4755),
    'usr/bin/gpasswd': SUID(0o4755),
    'usr/bin/newgrp': SUID(0o4755),
    'usr/bin/mount': SUID(0o4755),
    'usr/bin/umount': SUID(0o4755),
    'usr/bin/chage': SUID(0o2755, 42),
    'usr/bin/expiry': SUID(0o2755, 42),
    'usr/sbin/unix_chkpwd': SUID(0o2755, 42),
    'usr/bin/dpkg': { content: 'ELF', mode: 0o755 },
    'usr/bin/apt-get': { content: 'ELF', mode: 0o755 },
    'usr/bin/apt': { content: 'ELF', mode: 0o755 },
    'usr/bin/bash': { content: 'ELF', mode: 0o755 },
    'etc/passwd': PASSWD_BASE,
    'etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
    'var/lib/dpkg/status':
      'Package: apt\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.6.1\n\n' +
      'Package: dpkg\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.21.22\n\n',
    'var/lib/apt/lists/lock': { content: '', mode: 0o640 },
    'var/lib/apt/lists/partial/': { dir: true, mode: 0o700 },
    'var/cache/apt/archives/lock': { content: '', mode: 0o640 },
    'var/local/': { dir: true, mode: 0o2775, gid: 50 },
    'var/mail/': { dir: true, mode: 0o2775, gid: 8 },
    'run/lock/': TMP,
    'tmp/': TMP,
    'var/tmp/': TMP,
  },
};

export interface TestImage {
  base: LayerSpec;
  layers?: LayerSpec[];
  /** Container config as docker writes it: User, Env, ExposedPorts, Healthcheck, Labels. */
  config?: Record<string, unknown>;
  /** Steps that make no layer (USER, ENV, EXPOSE...), recorded after the layers' steps. */
  steps?: string[];
  repoTags?: string[];
}

export function imageSpec(t: TestImage): ImageSpec {
  const layers = [t.base, ...(t.layers ?? [])];
  const history = [
    ...layers.map((l, i) => ({ created_by: l.createdBy ?? `layer ${i}` })),
    ...(t.steps ?? []).map((s) => ({ created_by: s, empty_layer: true })),
  ];
  return { layers, history, config: t.config ?? {}, ...(t.repoTags ? { repoTags: t.repoTags } : {}) };
}

/** Builds the image, reads it as the container scanner does, and gives the checks' input. */
export async function imageInput(dir: string, t: TestImage): Promise<HardeningInput> {
  const { path } = await buildImage(imageSpec(t), 'oci-dir', dir);
  const image = await openImage(path);
  const match = (p: string) => wantsHardeningFile(p) || isOsPackagePath(p);
  const filesystem = await readImageFilesystem(image, { contents: { match } });
  const files = new Map([...filesystem.files].map(([p, f]) => [p, f.content]));
  return hardeningInput(image, filesystem, readOsPackages(files));
}

/** What every safe image sets: an unprivileged user and a health check. */
export const HEALTHY = { Healthcheck: { Test: ['CMD', '/app', 'health'] } };

/** For one test file: a temp folder for its images; `input` reads an image, `run` runs `check` on it. */
export function imagesFor(check: HardeningCheck) {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());
  const input = (t: TestImage) => imageInput(tmp.dir, t);
  return {
    input,
    run: async (t: TestImage): Promise<HardeningResult[]> => check.check(await input(t)),
  };
}
