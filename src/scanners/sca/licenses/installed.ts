import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { normalizePep440, normalizePypiName } from '../lockfiles/pypi-package.js';

/** Lists a folder's entries by path relative to the scan root; undefined when it is not a readable folder. */
export type ListDir = (path: string) => string[] | undefined;

/**
 * Where a virtual environment beside a Python lockfile usually is (`python -m venv .venv`,
 * poetry's and uv's in-project default); a file of that name is simply not a folder.
 */
const VENV_DIRS = ['.venv', 'venv', 'env'];
const DIST_INFO = /^(.+)-([^-]+)\.dist-info$/;
const EGG_INFO = /^(.+?)-([^-]+?)(?:-py\d[^-]*)?\.egg-info$/;
const INSTALL_PATH = /(?:^|\/)node_modules\//;

/**
 * Finds the installed manifest of a lockfile's package by path, without walking node_modules
 * or site-packages (both are usually gitignored, so the scan's walk never lists them, and
 * both can hold hundreds of thousands of files): a few candidate paths per package, and one
 * listing per site-packages folder.
 */
export class InstalledManifests {
  /** Per lockfile folder: PEP 503 name @ canonical version -> its METADATA or PKG-INFO. */
  private readonly sites = new Map<string, Map<string, string>>();
  /** Per lockfile folder: whether it has a node_modules (most trees a scan sees were never installed). */
  private readonly installed = new Map<string, boolean>();

  constructor(private readonly list: ListDir) {}

  /** Paths (relative to the scan root) where the package's own manifest may be, most likely first. */
  candidates(pkg: Package): string[] {
    const dir = posix.dirname(pkg.source.path);
    if (pkg.ecosystem === 'npm') return npmCandidates(pkg, dir, this.hasNodeModules(dir));
    if (pkg.ecosystem !== 'PyPI' || !pkg.version) return [];
    const found = this.siteIndex(dir).get(pythonKey(pkg.name, pkg.version));
    return found ? [found] : [];
  }

  private hasNodeModules(dir: string): boolean {
    let has = this.installed.get(dir);
    if (has === undefined) {
      has = this.list(posix.join(dir, 'node_modules')) !== undefined;
      this.installed.set(dir, has);
    }
    return has;
  }

  private siteIndex(dir: string): Map<string, string> {
    let index = this.sites.get(dir);
    if (!index) {
      index = new Map();
      for (const site of this.sitePackages(dir)) this.indexSite(site, index);
      this.sites.set(dir, index);
    }
    return index;
  }

  /** `<venv>/lib/python3.X/site-packages` (POSIX) and `<venv>/Lib/site-packages` (Windows). */
  private sitePackages(dir: string): string[] {
    return VENV_DIRS.flatMap((venv) => {
      const root = posix.join(dir, venv);
      const lib = posix.join(root, 'lib');
      const versions = (this.list(lib) ?? []).filter((e) => /^python\d/.test(e));
      return [
        ...versions.map((v) => posix.join(lib, v, 'site-packages')),
        posix.join(root, 'Lib', 'site-packages'),
      ];
    });
  }

  private indexSite(site: string, index: Map<string, string>): void {
    for (const entry of this.list(site) ?? []) {
      const dist = DIST_INFO.exec(entry);
      const egg = dist ? undefined : EGG_INFO.exec(entry);
      const match = dist ?? egg;
      if (!match) continue;
      const key = pythonKey(match[1]!, match[2]!);
      if (!index.has(key)) index.set(key, posix.join(site, entry, dist ? 'METADATA' : 'PKG-INFO'));
    }
  }
}

/**
 * npm lockfile v1-v3 keys are install paths (`node_modules/a/node_modules/b`, or a workspace's
 * `packages/x/node_modules/b`); other lockfiles leave the layout to the installer: hoisted
 * (npm, yarn, bun) or pnpm's store folder, both under the lockfile's own node_modules.
 */
function npmCandidates(pkg: Package, dir: string, hasNodeModules: boolean): string[] {
  const paths: string[] = [];
  if (INSTALL_PATH.test(pkg.key)) paths.push(posix.join(dir, pkg.key, 'package.json'));
  if (!hasNodeModules) return paths.filter((p) => !p.split('/').includes('..'));
  paths.push(posix.join(dir, 'node_modules', pkg.name, 'package.json'));
  if (pkg.version) {
    const store = `${pkg.name.replace('/', '+')}@${pkg.version}`;
    paths.push(posix.join(dir, 'node_modules', '.pnpm', store, 'node_modules', pkg.name, 'package.json'));
  }
  return [...new Set(paths)].filter((p) => !p.split('/').includes('..'));
}

/** Wheel folder names escape the name (`-` to `_`) and may differ in case: compare as PEP 503 and PEP 440 do. */
function pythonKey(name: string, version: string): string {
  return `${normalizePypiName(name)}@${normalizePep440(version) ?? version}`;
}
