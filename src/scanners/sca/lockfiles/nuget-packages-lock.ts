import { posix } from 'node:path';
import type { Package, PackageHash } from '../../../core/package.js';
import { asRecord, asString, isRecord, parseJsonDocument } from './lockfile-text.js';
import { LockfileError, type LockfileParser, type LockfileResult, type LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';

interface Locked {
  tfm: string;
  name: string;
  entry: Record<string, unknown>;
}

/**
 * NuGet `packages.lock.json`: one table per target framework (and runtime), each package typed
 * Direct, Transitive, CentralTransitive or Project. Project entries are the solution's own
 * projects, not packages. A package locked for several frameworks is one package whose groups
 * are those frameworks (NuGet's dependency groups are per framework too).
 */
export const nugetPackagesLockParser: LockfileParser = {
  name: 'nuget-packages-lock',
  ecosystem: 'NuGet',
  format: 'packages.lock.json (NuGet)',
  matches: (path) => posix.basename(path).toLowerCase() === 'packages.lock.json',
  parse(input): LockfileResult {
    const doc = parseJsonDocument(input.text);
    if (!isRecord(doc) || !isRecord(doc.dependencies)) {
      throw new LockfileError('no "dependencies" object: not a NuGet packages.lock.json');
    }
    const warnings: LockfileWarning[] = [];
    if (doc.version !== 1 && doc.version !== 2) {
      warnings.push({
        message: `lock file version ${JSON.stringify(doc.version)} is not one this parser knows (1, 2)`,
      });
    }
    const locked = Object.entries(doc.dependencies).flatMap(([tfm, table]) => lockedIn(tfm, table));
    const byKey = new Map<string, Package>();
    for (const l of locked) merge(byKey, l, input.path, warnings);
    addEdges(byKey, locked);
    return { packages: [...byKey.values()], warnings };
  },
};

function lockedIn(tfm: string, table: unknown): Locked[] {
  return Object.entries(asRecord(table))
    .filter(([name, entry]) => name.trim() !== '' && isRecord(entry) && entry.type !== 'Project')
    .map(([name, entry]) => ({ tfm, name, entry: entry as Record<string, unknown> }));
}

const versionOf = (l: Locked) => asString(l.entry.resolved)?.trim() ?? '';

/** NuGet ids and versions compare case-insensitively. */
function keyOf(name: string, version: string): string {
  return `${name.toLowerCase()}@${version.toLowerCase()}`;
}

function merge(byKey: Map<string, Package>, l: Locked, path: string, warnings: LockfileWarning[]): void {
  const version = versionOf(l);
  const key = keyOf(l.name, version);
  let pkg = byKey.get(key);
  if (!pkg) {
    pkg = newPackage(l, version, key, path);
    if (!version) warnings.push({ message: `${l.name} (${l.tfm}) has no resolved version` });
    byKey.set(key, pkg);
  }
  pkg.groups = [...new Set([...(pkg.groups ?? []), l.tfm])].sort();
  pkg.direct = pkg.direct === true || l.entry.type === 'Direct';
  const hashes = pkg.hashes ?? contentHash(l.entry.contentHash);
  if (hashes) pkg.hashes = hashes;
}

function newPackage(l: Locked, version: string, key: string, path: string): Package {
  const pkg: Package = {
    ecosystem: 'NuGet',
    name: l.name,
    version,
    resolved: version !== '',
    purl: purlFor('NuGet', l.name, version),
    source: { path },
    key,
  };
  const requested = asString(l.entry.requested);
  if (!version && requested) pkg.constraint = requested;
  return pkg;
}

/** `contentHash` is the base64 SHA-512 of the .nupkg. */
function contentHash(value: unknown): PackageHash[] | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(value)) return undefined;
  return [{ alg: 'SHA-512', value: Buffer.from(value, 'base64').toString('hex') }];
}

/** Each entry's `dependencies` name packages locked in the same framework table. */
function addEdges(byKey: Map<string, Package>, locked: Locked[]): void {
  const keyIn = new Map<string, string>();
  for (const l of locked) keyIn.set(`${l.tfm}\n${l.name.toLowerCase()}`, keyOf(l.name, versionOf(l)));
  for (const l of locked) {
    const from = byKey.get(keyOf(l.name, versionOf(l)));
    const keys = Object.keys(asRecord(l.entry.dependencies))
      .map((dep) => keyIn.get(`${l.tfm}\n${dep.toLowerCase()}`))
      .filter((k): k is string => k !== undefined);
    if (from && keys.length) from.dependsOn = [...new Set([...(from.dependsOn ?? []), ...keys])].sort();
  }
}
