import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { type Crate, crateDevFlags, directCrates, resolveCrateDeps } from './cargo-graph.js';
import { readCargoManifest } from './cargo-manifest.js';
import { LineIndex } from './line-index.js';
import { asArray, asRecord, asString, parseTomlDocument, siblingPath } from './lockfile-text.js';
import { LockfileError, type LockfileParser, type LockfileResult, type LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';
import { groupBy, UniqueKeys } from './unique-keys.js';

/**
 * `Cargo.lock` (versions 1 to 4). Crates without a `source` are the workspace's own crates: they
 * are the project, not dependencies, so they are not reported; their `dependencies` are what the
 * project declares (direct). A sibling `Cargo.toml` adds which of those are only dev-dependencies.
 */
export const cargoLockParser: LockfileParser = {
  name: 'cargo-lock',
  ecosystem: 'crates.io',
  format: 'Cargo.lock (Rust)',
  matches: (path) => posix.basename(path) === 'Cargo.lock',
  parse(input): LockfileResult {
    const doc = parseTomlDocument(input.text);
    if (doc.package !== undefined && !Array.isArray(doc.package)) {
      throw new LockfileError('`package` must be an array of tables ([[package]])');
    }
    const warnings: LockfileWarning[] = [];
    const crates = readCrates(doc, input.text, warnings);
    const edges = resolveCrateDeps(crates);
    const manifestPath = siblingPath(input.path, 'Cargo.toml');
    const manifestText = input.readFile(manifestPath);
    const manifest =
      manifestText === undefined ? undefined : readCargoManifest(manifestText, manifestPath, warnings);
    const direct = directCrates(crates, edges, manifest);
    const dev = manifest ? crateDevFlags(crates, edges, manifest) : undefined;
    const packages = crates
      .filter((c) => c.source !== undefined)
      .map((c) => toPackage(c, input.path, edges, direct, dev));
    return { packages, warnings };
  },
};

function readCrates(doc: Record<string, unknown>, text: string, warnings: LockfileWarning[]): Crate[] {
  const entries = asArray(doc.package);
  const lines = packageHeaderLines(text, entries.length);
  const v1Checksums = asRecord(doc.metadata);
  const crates: Crate[] = [];
  entries.forEach((entry, i) => {
    const crate = readCrate(entry, lines[i], v1Checksums, warnings);
    if (crate) crates.push(crate);
  });
  assignKeys(crates);
  return crates;
}

/**
 * Line of each `[[package]]` header: TOML parsers give no positions, so the n-th entry is
 * mapped to the n-th header, and only when the counts agree (an inline `package = [...]` or a
 * header inside a multi-line string would shift the mapping).
 */
function packageHeaderLines(text: string, count: number): (number | undefined)[] {
  const lines = new LineIndex(text);
  const headers = [...text.matchAll(/^[ \t]*\[\[[ \t]*package[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$/gm)];
  if (headers.length !== count) return new Array<undefined>(count).fill(undefined);
  return headers.map((m) => lines.lineOf(m.index));
}

function readCrate(
  entry: unknown,
  line: number | undefined,
  v1Checksums: Record<string, unknown>,
  warnings: LockfileWarning[],
): Crate | undefined {
  const fields = asRecord(entry);
  const name = asString(fields.name);
  const version = asString(fields.version);
  if (!name || !version) {
    warnings.push({ message: '[[package]] without a name and a version; skipped', line });
    return undefined;
  }
  const source = asString(fields.source);
  const deps = asArray(fields.dependencies).filter((d): d is string => typeof d === 'string');
  const crate: Crate = { name, version, deps, line, key: '' };
  if (source !== undefined) crate.source = source;
  const checksum =
    asString(fields.checksum) ?? asString(v1Checksums[`checksum ${name} ${version} (${source})`]);
  if (checksum !== undefined) setChecksum(crate, checksum, warnings);
  return crate;
}

function setChecksum(crate: Crate, checksum: string, warnings: LockfileWarning[]): void {
  if (/^[0-9a-fA-F]{64}$/.test(checksum)) {
    crate.checksum = checksum.toLowerCase();
  } else if (checksum !== '<none>') {
    warnings.push({
      message: `${crate.name} ${crate.version}: checksum is not a SHA-256 digest; ignored`,
      line: crate.line,
    });
  }
}

/** `name@version`, with the source added only when two sources lock the same version. */
function assignKeys(crates: Crate[]): void {
  const sameVersion = groupBy(crates, (c) => `${c.name}@${c.version}`);
  const unique = new UniqueKeys();
  for (const [base, group] of sameVersion) {
    for (const c of group)
      c.key = unique.take(group.length === 1 ? base : `${base} (${c.source ?? 'local'})`);
  }
}

function toPackage(
  crate: Crate,
  path: string,
  edges: Map<Crate, Crate[]>,
  direct: Set<Crate> | undefined,
  dev: Map<Crate, boolean> | undefined,
): Package {
  const pkg: Package = {
    ecosystem: 'crates.io',
    name: crate.name,
    version: crate.version,
    resolved: true,
    purl: purlFor('crates.io', crate.name, crate.version),
    source: crate.line === undefined ? { path } : { path, line: crate.line },
    key: crate.key,
  };
  if (direct) pkg.direct = direct.has(crate);
  const isDev = dev?.get(crate);
  if (isDev !== undefined) pkg.dev = isDev;
  if (crate.checksum) pkg.hashes = [{ alg: 'SHA-256', value: crate.checksum }];
  const dependsOn = (edges.get(crate) ?? []).filter((d) => d.source !== undefined).map((d) => d.key);
  if (dependsOn.length) pkg.dependsOn = [...new Set(dependsOn)].sort();
  return pkg;
}
