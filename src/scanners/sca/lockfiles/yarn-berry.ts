import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { markDevByReachability, markDirect, withDevGroup } from './dependency-graph.js';
import { field, isObject, type JsonObject, stringField, stringMap } from './json-input.js';
import { isExactVersion, isPackageName, npmPackage, splitNameSpec } from './npm-package.js';
import type { LockfileInput, LockfileResult, LockfileWarning } from './parser.js';
import { declaredDependencies, isDevDeclaration, readManifest } from './project-manifest.js';

/** yarn's stand-in for workspaces and `link:` folders: not a version anything was published as. */
const LOCAL_PLACEHOLDER = '0.0.0-use.local';

interface BerryEntry {
  descriptors: string[];
  /** The locator (`name@npm:1.2.3`): unique per entry, so it is the package key. */
  resolution: string;
  name: string;
  reference: string;
  data: JsonObject;
}

function readEntries(doc: JsonObject, warnings: LockfileWarning[]): BerryEntry[] {
  const out: BerryEntry[] = [];
  for (const [key, data] of Object.entries(doc)) {
    if (key === '__metadata') continue;
    if (!isObject(data)) {
      warnings.push({ message: `"${key}" is not a mapping; skipped` });
      continue;
    }
    const descriptors = key.includes(',') ? key.split(',').map((d) => d.trim()) : [key];
    const resolution = stringField(data, 'resolution') ?? descriptors[0]!;
    const { name, spec } = splitNameSpec(resolution);
    if (!isPackageName(name))
      warnings.push({ message: `"${resolution}": "${name}" is not a package name; skipped` });
    else out.push({ descriptors, resolution, name, reference: spec, data });
  }
  return out;
}

/** `patch:resolve@npm%3A1.22.1#…` -> `resolve@npm:1.22.1`, the locator of the package patched. */
function patchedLocator(reference: string): string | undefined {
  if (!reference.startsWith('patch:')) return undefined;
  const end = reference.indexOf('#');
  try {
    return decodeURIComponent(reference.slice(6, end === -1 ? undefined : end));
  } catch {
    return undefined;
  }
}

function workspacePath(e: BerryEntry): string | undefined {
  return e.reference.startsWith('workspace:') ? e.reference.slice('workspace:'.length) : undefined;
}

/** A workspace's version is in its own package.json; yarn only writes a placeholder. */
function versionOf(e: BerryEntry, input: LockfileInput, lockDir: string): string {
  const ws = workspacePath(e);
  if (ws !== undefined) {
    const v = stringField(readManifest(input, posix.join(lockDir, ws)), 'version');
    return v !== undefined && isExactVersion(v) ? v : '';
  }
  const v = stringField(e.data, 'version') ?? '';
  return v === LOCAL_PLACEHOLDER ? '' : v;
}

/** Every descriptor -> the key of the package it resolved to; a patch resolves to what it patches. */
function descriptorIndex(entries: BerryEntry[]): Map<string, string> {
  const locators = new Set(entries.map((e) => e.resolution));
  const index = new Map<string, string>();
  for (const e of entries) {
    const base = patchedLocator(e.reference);
    const key = base !== undefined && locators.has(base) ? base : e.resolution;
    for (const d of e.descriptors) index.set(d, key);
  }
  return index;
}

/** A dependency range without a protocol means the npm registry. */
function lookup(index: Map<string, string>, name: string, range: string): string | undefined {
  return index.get(`${name}@${range}`) ?? index.get(`${name}@npm:${range}`);
}

/** The packages an entry depends on; `skip` leaves out the root workspace, which is no package. */
function dependencyKeys(e: BerryEntry, index: Map<string, string>, skip?: Set<string>): string[] {
  const deps = field(e.data, 'dependencies');
  if (!isObject(deps)) return [];
  const out: string[] = [];
  for (const name of Object.keys(deps)) {
    const range = deps[name];
    const key = typeof range === 'string' ? lookup(index, name, range) : undefined;
    if (key !== undefined && !skip?.has(key)) out.push(key);
  }
  return out;
}

/**
 * Direct: what the root and the other workspaces depend on. Dev: berry merges devDependencies
 * into a workspace's dependencies, so each workspace's package.json says which were dev.
 */
function classify(
  packages: Package[],
  workspaces: BerryEntry[],
  index: Map<string, string>,
  input: LockfileInput,
) {
  const lockDir = posix.dirname(input.path);
  markDirect(
    packages,
    workspaces.flatMap((w) => dependencyKeys(w, index)),
  );
  const roots = { prod: [] as string[], dev: [] as string[] };
  for (const w of workspaces) {
    const manifest = readManifest(input, posix.join(lockDir, workspacePath(w)!));
    if (!manifest) return;
    const deps = new Map(stringMap(field(w.data, 'dependencies')));
    for (const d of declaredDependencies(manifest)) {
      const key = lookup(index, d.name, deps.get(d.name) ?? d.spec);
      if (key) (isDevDeclaration(d) ? roots.dev : roots.prod).push(key);
    }
  }
  markDevByReachability(packages, roots.prod, roots.dev);
  for (const p of packages) withDevGroup(p);
}

/**
 * yarn.lock as yarn 2+ writes it (YAML). The root workspace is the project itself, not a
 * dependency; a patched package is the package it patches. Checksums are not reported: they
 * hash yarn's cache archive, not the registry tarball, so no other tool could compare them.
 */
export function parseYarnBerry(doc: JsonObject, input: LockfileInput): LockfileResult {
  const warnings: LockfileWarning[] = [];
  const entries = readEntries(doc, warnings);
  const index = descriptorIndex(entries);
  const lockDir = posix.dirname(input.path);
  const roots = new Set(entries.filter((e) => workspacePath(e) === '.').map((e) => e.resolution));
  const packages: Package[] = [];
  for (const e of entries) {
    if (roots.has(e.resolution) || index.get(e.descriptors[0]!) !== e.resolution) continue;
    packages.push(
      npmPackage({
        name: e.name,
        version: versionOf(e, input, lockDir),
        key: e.resolution,
        path: input.path,
        dependsOn: dependencyKeys(e, index, roots),
      }),
    );
  }
  classify(
    packages,
    entries.filter((e) => workspacePath(e) !== undefined),
    index,
    input,
  );
  return { packages, warnings };
}
