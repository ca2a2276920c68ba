import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Package } from '../../../core/package.js';
import { licensesFromDisk, MAX_MANIFEST_BYTES, type ReadFile, readManifest } from './disk.js';
import { InstalledManifests, type ListDir } from './installed.js';
import { purlWithoutQualifiers } from './source.js';

/** Far more manifests than any project installs; past it the look-up stops rather than read on. */
export const MAX_INSTALLED_READS = 50_000;

export interface PackageLicensesOptions {
  /** Reads a file by path relative to the root; undefined when it does not exist. */
  readFile?: ReadFile;
  listDir?: ListDir;
  onWarning?: (path: string, message: string) => void;
}

/**
 * Licenses of the scan's packages from manifests on disk, keyed by purl without qualifiers:
 * those among the discovered `files` first, then, for each package still without a license,
 * its installed manifest read by path (`node_modules/<name>/package.json`, a virtualenv's
 * `*.dist-info/METADATA`). node_modules and virtualenvs are normally gitignored, so the walk
 * never lists them; reading only what the lockfiles name keeps this bounded.
 */
export function packageLicenses(
  root: string,
  files: readonly string[],
  packages: readonly Package[],
  options: PackageLicensesOptions = {},
): Map<string, string[]> {
  const found = licensesFromDisk(root, files, options);
  const readFile = options.readFile ?? installedReader(root);
  const finder = new InstalledManifests(options.listDir ?? dirLister(root));
  const tried = new Set<string>();
  let reads = 0;
  for (const pkg of packages) {
    const key = purlWithoutQualifiers(pkg.purl);
    if (!key || pkg.licenses?.length || found.has(key) || tried.has(key)) continue;
    tried.add(key);
    for (const path of finder.candidates(pkg)) {
      if (++reads > MAX_INSTALLED_READS) return found;
      const installed = readManifest(path, readFile, options.onWarning);
      // The manifest found there must be this very version: a hoisted copy may be another one.
      if (installed?.purl !== key) continue;
      if (installed.licenses.length > 0) found.set(key, installed.licenses);
      break;
    }
  }
  return found;
}

/** Containment by real path: installed packages are often links (pnpm, workspaces), and one may point outside. */
function inside(root: string): (path: string) => string | undefined {
  let real: string | undefined;
  return (path) => {
    real ??= realpathSync(root);
    let full: string;
    try {
      full = realpathSync(resolve(root, path));
    } catch {
      return undefined;
    }
    const rel = relative(real, full);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : full;
  };
}

/** Reads a regular file under the root; undefined when it is absent, refused when larger than a manifest can be. */
function installedReader(root: string): ReadFile {
  const locate = inside(root);
  return (path) => {
    const full = locate(path);
    if (full === undefined) return undefined;
    const stat = statSync(full);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_MANIFEST_BYTES) throw new Error(`larger than ${MAX_MANIFEST_BYTES} bytes`);
    return readFileSync(full, 'utf8');
  };
}

function dirLister(root: string): ListDir {
  const locate = inside(root);
  return (path) => {
    const full = locate(path);
    try {
      return full === undefined ? undefined : readdirSync(full);
    } catch {
      return undefined;
    }
  };
}
