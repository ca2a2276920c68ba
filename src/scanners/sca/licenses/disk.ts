import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { cargoToml } from './cargo-toml.js';
import { npmPackageJson } from './npm-package-json.js';
import { pythonMetadata } from './python-metadata.js';
import { rubyGemspec } from './ruby-gemspec.js';
import type { InstalledLicenses, LicenseSource } from './source.js';

/**
 * Installed-package manifests that name their license. Go modules carry no license field (only
 * LICENSE files, whose text would have to be classified): they are out of scope.
 */
export const LICENSE_SOURCES: readonly LicenseSource[] = [
  npmPackageJson,
  pythonMetadata,
  rubyGemspec,
  cargoToml,
];

/** No real package manifest comes close; a hostile one would cost memory for nothing. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export type ReadFile = (path: string) => string | undefined;

export interface LicensesFromDiskOptions {
  /** Reads a file by path relative to the scan root; defaults to reading under `root`. */
  readFile?: ReadFile;
  /** A manifest that could not be read (the rest are still read). */
  onWarning?: (path: string, message: string) => void;
}

/**
 * Licenses declared by the packages installed in the tree, keyed by purl without qualifiers
 * (`pkg:npm/lodash@4.17.21`). `files` are the scan's discovered paths, relative to `root`.
 * Packages whose manifest names no license (or inherits it from a Cargo workspace) are absent.
 */
export function licensesFromDisk(
  root: string,
  files: readonly string[],
  options: LicensesFromDiskOptions = {},
): Map<string, string[]> {
  const readFile = options.readFile ?? fileReader(root);
  const found = new Map<string, string[]>();
  for (const path of files) {
    const installed = readManifest(path, readFile, options.onWarning);
    if (installed && installed.licenses.length > 0) merge(found, installed.purl, installed.licenses);
  }
  return found;
}

/**
 * The package and licenses one manifest declares; undefined when the path is no manifest, the
 * file is absent, or it cannot be read (then `onWarning` says why).
 */
export function readManifest(
  path: string,
  readFile: ReadFile,
  onWarning?: (path: string, message: string) => void,
): InstalledLicenses | undefined {
  const source = LICENSE_SOURCES.find((s) => s.matches(path));
  if (!source) return undefined;
  try {
    const text = readFile(path);
    if (text === undefined) return undefined;
    if (text.length > MAX_MANIFEST_BYTES) throw new Error(`larger than ${MAX_MANIFEST_BYTES} bytes`);
    return source.read(text);
  } catch (err) {
    onWarning?.(path, `${source.name}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function merge(found: Map<string, string[]>, purl: string, licenses: readonly string[]): void {
  const known = found.get(purl) ?? [];
  for (const l of licenses) if (!known.includes(l)) known.push(l);
  found.set(purl, known);
}

/** Reads files under `root` only, refusing any larger than a manifest can be. */
function fileReader(root: string): ReadFile {
  const base = resolve(root);
  return (path) => {
    const full = resolve(base, path);
    const rel = relative(base, full);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
    if (statSync(full).size > MAX_MANIFEST_BYTES) throw new Error(`larger than ${MAX_MANIFEST_BYTES} bytes`);
    return readFileSync(full, 'utf8');
  };
}
