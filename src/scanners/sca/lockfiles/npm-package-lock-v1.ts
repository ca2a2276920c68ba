import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { markDirect } from './dependency-graph.js';
import {
  field,
  isObject,
  isTrue,
  type JsonObject,
  objectField,
  stringField,
  stringMap,
} from './json-input.js';
import { installPathResolver } from './node-modules-path.js';
import { aliasTarget, integrityHashes, isPackageName, npmPackage } from './npm-package.js';
import { LockfileError, type LockfileInput, type LockfileResult, type LockfileWarning } from './parser.js';
import { declaredDependencies, readManifest } from './project-manifest.js';

/** npm never nests this deep; a file that does is hostile, and the walk stops there. */
const MAX_NESTING = 256;

interface V1Entry {
  path: string;
  installName: string;
  data: JsonObject;
}

/** Flattens the nested `dependencies` tree into install paths (`node_modules/a/node_modules/b`). */
function flatten(top: JsonObject): V1Entry[] {
  const out: V1Entry[] = [];
  const stack: { parent: string; deps: JsonObject; depth: number }[] = [{ parent: '', deps: top, depth: 1 }];
  while (stack.length > 0) {
    const { parent, deps, depth } = stack.pop()!;
    if (depth > MAX_NESTING) throw new LockfileError(`dependencies nested deeper than ${MAX_NESTING} levels`);
    for (const [installName, data] of Object.entries(deps)) {
      if (!isObject(data)) continue;
      const path = parent === '' ? `node_modules/${installName}` : `${parent}/node_modules/${installName}`;
      out.push({ path, installName, data });
      const nested = objectField(data, 'dependencies');
      if (nested) stack.push({ parent: path, deps: nested, depth: depth + 1 });
    }
  }
  return out;
}

function groupsOf(data: JsonObject): string[] {
  const groups: string[] = [];
  if (isTrue(data, 'dev')) groups.push('dev');
  if (isTrue(data, 'optional')) groups.push('optional');
  if (isTrue(data, 'bundled')) groups.push('bundled');
  return groups;
}

type Resolve = (from: string, name: string) => string | undefined;

function toPackage(e: V1Entry, resolve: Resolve, input: LockfileInput): Package | string {
  const raw = stringField(e.data, 'version') ?? '';
  const alias = aliasTarget(raw);
  const name = alias?.name ?? e.installName;
  if (!isPackageName(name)) return `dependencies "${e.path}": "${name}" is not a package name; skipped`;
  const dependsOn = stringMap(field(e.data, 'requires')).flatMap(([dep]) => resolve(e.path, dep) ?? []);
  return npmPackage({
    name,
    version: alias?.spec ?? raw,
    key: e.path,
    path: input.path,
    dev: isTrue(e.data, 'dev'),
    groups: groupsOf(e.data),
    hashes: integrityHashes(stringField(e.data, 'integrity')),
    dependsOn,
  });
}

/** Lockfile v1: the nested `dependencies` tree (npm 5 and 6). */
export function parseNpmLockV1(lock: JsonObject, input: LockfileInput): LockfileResult {
  const deps = objectField(lock, 'dependencies');
  if (!deps) return { packages: [], warnings: [] };
  const entries = flatten(deps);
  const resolve = installPathResolver(entries.map((e) => e.path));
  const warnings: LockfileWarning[] = [];
  const packages: Package[] = [];
  for (const e of entries) {
    const p = toPackage(e, resolve, input);
    if (typeof p === 'string') warnings.push({ message: p });
    else packages.push(p);
  }
  // Lockfile v1 does not record what the project declares: the package.json beside it does.
  const manifest = readManifest(input, posix.dirname(input.path));
  if (manifest)
    markDirect(
      packages,
      declaredDependencies(manifest).map((d) => `node_modules/${d.name}`),
    );
  return { packages, warnings };
}
