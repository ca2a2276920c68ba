import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { markDevByReachability, markDirect, withDevGroup } from './dependency-graph.js';
import {
  field,
  isObject,
  type JsonObject,
  objectField,
  parseJson,
  stringField,
  stringMap,
  stripTrailingCommas,
  topLevelObject,
} from './json-input.js';
import { integrityHashes, isExactVersion, isPackageName, npmPackage, splitNameSpec } from './npm-package.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * One `packages` entry: `["name@1.0.0", registry, {deps}, "sha512-…"]` from the registry,
 * `["name@github:o/r#sha", {deps}, "id"]` from git, `["name@workspace:path"]`, `["name@file:path", {deps}]`.
 */
interface BunEntry {
  key: string;
  name: string;
  spec: string;
  meta: JsonObject;
  integrity: string | undefined;
}

function readEntry(key: string, tuple: unknown): BunEntry | string {
  const ident = Array.isArray(tuple) ? tuple[0] : undefined;
  if (typeof ident !== 'string') return `packages["${key}"] is not a ["name@version", …] entry; skipped`;
  const { name, spec } = splitNameSpec(ident);
  if (!isPackageName(name)) return `packages["${key}"]: "${name}" is not a package name; skipped`;
  const rest = (tuple as unknown[]).slice(1);
  const meta = rest.find(isObject) ?? {};
  const integrity = rest.find((x): x is string => typeof x === 'string' && /^sha(1|256|384|512)-/.test(x));
  return { key, name, spec, meta, integrity };
}

/** `a/@s/b/c` -> [`a`, `a/@s/b`, `a/@s/b/c`]: the install scopes a key is nested in, outermost first. */
function scopes(key: string): string[] {
  const parts = key.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const end = parts[i]!.startsWith('@') ? i + 1 : i;
    out.push(parts.slice(0, end + 1).join('/'));
    i = end;
  }
  return out;
}

/** Like node_modules: a dependency of `a/b` is `a/b/dep`, else `a/dep`, else the hoisted `dep`. */
function resolver(keys: Set<string>): (from: string, name: string) => string | undefined {
  return (from, name) => {
    const candidates = scopes(from)
      .reverse()
      .map((s) => `${s}/${name}`);
    return [...candidates, name].find((k) => keys.has(k));
  };
}

/** A workspace's version is in the lockfile's `workspaces`; git, file and tarball sources have none. */
function versionOf(e: BunEntry, workspaces: JsonObject): string {
  if (e.spec.startsWith('workspace:')) {
    return stringField(objectField(workspaces, e.spec.slice('workspace:'.length)), 'version') ?? '';
  }
  return isExactVersion(e.spec) ? e.spec : '';
}

function declared(data: JsonObject, fields: string[]): string[] {
  return fields.flatMap((f) => stringMap(field(data, f)).map(([n]) => n));
}

/** Direct and dev from what each workspace declares; the root workspace is `""`. */
function classify(
  packages: Package[],
  entries: BunEntry[],
  workspaces: JsonObject,
  resolve: ReturnType<typeof resolver>,
) {
  const prod: string[] = [];
  const dev: string[] = [];
  for (const [path, ws] of Object.entries(workspaces)) {
    if (!isObject(ws)) continue;
    const self = entries.find((e) => e.spec === `workspace:${path}`)?.key ?? '';
    const from = (names: string[]) => names.flatMap((n) => (self ? resolve(self, n) : resolve('', n)) ?? []);
    prod.push(...from(declared(ws, DEPENDENCY_FIELDS)));
    dev.push(...from(declared(ws, ['devDependencies'])));
  }
  markDirect(packages, [...prod, ...dev]);
  markDevByReachability(packages, prod, dev);
  for (const p of packages) withDevGroup(p);
}

function parseBunLock(lock: JsonObject, input: LockfileInput): LockfileResult {
  const warnings: LockfileWarning[] = [];
  const entries: BunEntry[] = [];
  for (const [key, tuple] of Object.entries(objectField(lock, 'packages') ?? {})) {
    const e = readEntry(key, tuple);
    if (typeof e === 'string') warnings.push({ message: e });
    else entries.push(e);
  }
  const workspaces = objectField(lock, 'workspaces') ?? {};
  const resolve = resolver(new Set(entries.map((e) => e.key)));
  const packages = entries.map((e) =>
    npmPackage({
      name: e.name,
      version: versionOf(e, workspaces),
      key: e.key,
      path: input.path,
      hashes: integrityHashes(e.integrity),
      dependsOn: declared(e.meta, DEPENDENCY_FIELDS).flatMap((n) => resolve(e.key, n) ?? []),
    }),
  );
  classify(packages, entries, workspaces, resolve);
  return { packages, warnings };
}

export const bunLockParser: LockfileParser = {
  name: 'bun-lock',
  ecosystem: 'npm',
  format: 'bun.lock (bun, text format)',
  matches: (path) => posix.basename(path) === 'bun.lock',
  parse: (input) => parseBunLock(topLevelObject(parseJson(stripTrailingCommas(input.text))), input),
};
