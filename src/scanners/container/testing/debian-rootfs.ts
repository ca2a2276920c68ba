import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Debian 12 root filesystem made by `debootstrap --variant=minbase`, for tests that must
 * see what Debian really installs (about 90 packages, merged /usr, symlinks, setuid binaries).
 * Made once (about a minute, from Debian's package archive) and kept under
 * `$GATEHOUSE_TEST_CACHE` (default `~/.cache/gatehouse-test`) for later runs.
 */
const SUITE = 'bookworm';
const MIRROR = 'http://deb.debian.org/debian';
/** Bump to make every cached copy be built again. */
const VERSION = 1;

export function testCacheDir(): string {
  return process.env.GATEHOUSE_TEST_CACHE ?? join(homedir(), '.cache', 'gatehouse-test');
}

export type RootfsResult = { ok: true; root: string } | { ok: false; why: string };

export function debianRootfs(): RootfsResult {
  const root = join(testCacheDir(), `debian-${SUITE}-minbase-v${VERSION}`);
  if (existsSync(join(root, '.gatehouse-complete'))) return { ok: true, root };
  if (process.getuid?.() !== 0) return { ok: false, why: 'debootstrap needs root' };
  if (spawnSync('debootstrap', ['--version']).status !== 0)
    return { ok: false, why: 'debootstrap is not installed' };
  const partial = `${root}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(testCacheDir(), { recursive: true });
  const run = spawnSync('debootstrap', ['--variant=minbase', SUITE, partial, MIRROR], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (run.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    return {
      ok: false,
      why: `debootstrap failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / ')}`,
    };
  }
  // The downloaded .deb files are debootstrap's cache, not part of what an image ships.
  const debs = join(partial, 'var/cache/apt/archives');
  for (const f of readdirSync(debs)) if (f.endsWith('.deb')) unlinkSync(join(debs, f));
  writeFileSync(join(partial, '.gatehouse-complete'), `${new Date().toISOString()}\n`);
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
  return { ok: true, root };
}

/** The root filesystem as one layer tar, made by GNU tar as `docker build` layers are (`./` names). */
export function rootfsTar(root: string): Buffer {
  return execFileSync(
    'tar',
    ['-C', root, '--numeric-owner', '--exclude=./.gatehouse-complete', '-cf', '-', '.'],
    {
      maxBuffer: 1 << 30,
    },
  );
}

/** What dpkg itself says is installed: the ground truth for the dpkg reader. */
export function dpkgQuery(root: string): string[] {
  const out = execFileSync(
    'dpkg-query',
    [
      '--admindir',
      join(root, 'var/lib/dpkg'),
      '-W',
      '-f',
      '${Package}\t${Version}\t${source:Package}\t${source:Version}\t${Architecture}\n',
    ],
    { encoding: 'utf8' },
  );
  return out.trim().split('\n').sort();
}
