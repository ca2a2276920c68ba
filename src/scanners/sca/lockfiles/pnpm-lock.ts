import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { markDevByReachability, markDirect, withDevGroup } from './dependency-graph.js';
import { field, isObject, type JsonObject, objectField, stringField, topLevelObject } from './json-input.js';
import { parseLockfileYaml } from './lockfile-yaml.js';
import { integrityHashes, isExactVersion, isPackageName, npmPackage } from './npm-package.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { parseDepPath, withoutPeers } from './pnpm-dep-path.js';

/** One installed instance: a package key with its peer suffix, and what it depends on. */
interface Instance {
  key: string;
  info: JsonObject;
  deps: [string, string][];
  dev: boolean | undefined;
  optional: boolean;
}

/** `lockfileVersion: 5.4` or `'9.0'` -> 5 or 9; files without one are read as the current format. */
function majorVersion(lock: JsonObject): number {
  const major = Number.parseInt(stringField(lock, 'lockfileVersion') ?? '', 10);
  return Number.isNaN(major) ? 9 : major;
}

/** `{ name: ref }` (5.x) or `{ name: { specifier, version: ref } }` (6+). */
function refs(v: unknown): [string, string][] {
  if (!isObject(v)) return [];
  const out: [string, string][] = [];
  for (const [name, x] of Object.entries(v)) {
    const ref = typeof x === 'string' ? x : stringField(x, 'version');
    if (ref !== undefined) out.push([name, ref]);
  }
  return out;
}

/**
 * Lockfile 9 splits what a package is (`packages`, keyed without peers) from each installed
 * instance (`snapshots`); before 9 one `packages` entry is both.
 */
function instances(lock: JsonObject, major: number): Instance[] {
  const packages = objectField(lock, 'packages') ?? {};
  const snapshots = objectField(lock, 'snapshots');
  const source = snapshots ?? packages;
  const out: Instance[] = [];
  for (const [key, entry] of Object.entries(source)) {
    const data = isObject(entry) ? entry : {};
    const info = snapshots ? (objectField(packages, withoutPeers(key, major)) ?? {}) : data;
    const dev = field(data, 'dev');
    out.push({
      key,
      info,
      deps: [...refs(field(data, 'dependencies')), ...refs(field(data, 'optionalDependencies'))],
      dev: typeof dev === 'boolean' ? dev : undefined,
      optional: field(data, 'optional') === true,
    });
  }
  return out;
}

/**
 * The package a `name: ref` points at. A ref is a version (with peers) that the lockfile's
 * key format completes, or a whole key (aliases, git and tarball sources); the usual form
 * is tried first.
 */
function resolver(
  keyOf: Map<string, string>,
  major: number,
): (name: string, ref: string) => string | undefined {
  const usual =
    major >= 9
      ? (n: string, r: string) => `${n}@${r}`
      : major >= 6
        ? (n: string, r: string) => `/${n}@${r}`
        : (n: string, r: string) => `/${n}/${r}`;
  return (name, ref) =>
    keyOf.get(usual(name, ref)) ??
    keyOf.get(ref) ??
    keyOf.get(`${name}@${ref}`) ??
    keyOf.get(`/${name}@${ref}`) ??
    keyOf.get(`/${name}/${ref}`);
}

/** Importers are the workspace projects; a lockfile before importers existed is one project. */
function importers(lock: JsonObject): JsonObject[] {
  const all = objectField(lock, 'importers');
  return all ? Object.values(all).filter(isObject) : [lock];
}

/** Git, tarball and local packages carry `name` and `version` fields; registry ones only their key. */
function nameVersion(
  inst: Instance,
  base: string,
  major: number,
): { name: string; version: string } | undefined {
  const fromKey = parseDepPath(base, major);
  const name = stringField(inst.info, 'name') ?? fromKey.name;
  const version = stringField(inst.info, 'version') ?? fromKey.version;
  return name !== undefined && isPackageName(name) && version !== undefined ? { name, version } : undefined;
}

interface Merged {
  pkg: Package;
  devFlags: (boolean | undefined)[];
}

/**
 * Instances of one package (same key without peers, same name and version) become one
 * package: dev only if every instance is. Returns each instance's package key.
 */
function mergeInstances(list: Instance[], major: number, input: LockfileInput, warnings: LockfileWarning[]) {
  const merged = new Map<string, Merged>();
  const keyOf = new Map<string, string>();
  for (const inst of list) {
    const base = withoutPeers(inst.key, major);
    const nv = nameVersion(inst, base, major);
    if (!nv) {
      warnings.push({ message: `cannot tell the package name and version of "${inst.key}"; skipped` });
      continue;
    }
    const same = merged.get(base);
    const key = same && (same.pkg.name !== nv.name || !sameVersion(same.pkg, nv.version)) ? inst.key : base;
    let m = key === base ? same : merged.get(key);
    if (!m) {
      const hashes = integrityHashes(stringField(objectField(inst.info, 'resolution'), 'integrity'));
      const groups = inst.optional ? ['optional'] : [];
      m = { pkg: npmPackage({ ...nv, key, path: input.path, groups, hashes }), devFlags: [] };
      merged.set(key, m);
    }
    m.devFlags.push(inst.dev);
    keyOf.set(inst.key, key);
  }
  return { merged, keyOf };
}

function sameVersion(p: Package, version: string): boolean {
  return p.version === version || (!p.resolved && !isExactVersion(version));
}

/** Edges of one instance; peer variants of a package add theirs to the same package (deduplicated later). */
function addEdges(pkg: Package, deps: [string, string][], resolve: Resolve): void {
  const out = pkg.dependsOn ?? [];
  for (const [name, ref] of deps) {
    const key = resolve(name, ref);
    if (key !== undefined && key !== pkg.key) out.push(key);
  }
  if (out.length > 0) pkg.dependsOn = out;
}

type Resolve = (name: string, ref: string) => string | undefined;

/** Direct and dev from what the importers (the workspace projects) declare. */
function classify(lock: JsonObject, merged: Map<string, Merged>, resolve: Resolve): void {
  const rootsOf = (fieldName: string) =>
    importers(lock).flatMap((imp) => refs(field(imp, fieldName)).flatMap(([n, r]) => resolve(n, r) ?? []));
  const prod = [...rootsOf('dependencies'), ...rootsOf('optionalDependencies')];
  const dev = rootsOf('devDependencies');
  const packages = [...merged.values()].map((m) => m.pkg);
  markDirect(packages, [...prod, ...dev]);
  markDevByReachability(packages, prod, dev);
  // Before lockfile 9 pnpm flags dev packages itself; its flags win over the graph.
  for (const m of merged.values()) {
    if (m.devFlags.every((f) => f !== undefined)) m.pkg.dev = m.devFlags.every((f) => f);
    withDevGroup(m.pkg);
  }
}

function parsePnpmLock(lock: JsonObject, input: LockfileInput): LockfileResult {
  const major = majorVersion(lock);
  const warnings: LockfileWarning[] = [];
  const list = instances(lock, major);
  const { merged, keyOf } = mergeInstances(list, major, input, warnings);
  const resolve = resolver(keyOf, major);
  for (const inst of list) {
    const m = merged.get(keyOf.get(inst.key) ?? '');
    if (m) addEdges(m.pkg, inst.deps, resolve);
  }
  const packages = [...merged.values()].map((m) => m.pkg);
  for (const p of packages)
    if (p.dependsOn && p.dependsOn.length > 1) p.dependsOn = [...new Set(p.dependsOn)];
  classify(lock, merged, resolve);
  return { packages, warnings };
}

export const pnpmLockParser: LockfileParser = {
  name: 'pnpm-lock',
  ecosystem: 'npm',
  format: 'pnpm-lock.yaml (pnpm, lockfile 5 to 9)',
  matches: (path) => posix.basename(path) === 'pnpm-lock.yaml',
  parse: (input) => parsePnpmLock(topLevelObject(parseLockfileYaml(input.text)), input),
};
