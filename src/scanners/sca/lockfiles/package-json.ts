import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { field, type JsonObject, parseJson, topLevelObject } from './json-input.js';
import { aliasTarget, isExactVersion, isPackageName, npmPackage } from './npm-package.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { type DeclaredDependency, declaredDependencies } from './project-manifest.js';

const LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
];

/** Protocols that point at the project's own folders: no third-party package to report. */
const LOCAL = /^(workspace|file|link|portal):/;

const GROUPS: Record<DeclaredDependency['field'], string | undefined> = {
  dependencies: undefined,
  devDependencies: 'dev',
  optionalDependencies: 'optional',
  peerDependencies: 'peer',
};

/**
 * A lockfile beside the manifest, or above it for a workspace member (the ancestor declares
 * workspaces), has the exact versions: the manifest's ranges would only add noise.
 */
function coveredByLockfile(input: LockfileInput): boolean {
  const start = posix.dirname(input.path);
  for (let dir = start; ; dir = posix.dirname(dir)) {
    const hasLock = LOCKFILES.some((f) => input.readFile(posix.join(dir, f)) !== undefined);
    if (hasLock && (dir === start || declaresWorkspaces(input, dir))) return true;
    if (dir === '.' || dir === '/' || dir === '') return false;
  }
}

function declaresWorkspaces(input: LockfileInput, dir: string): boolean {
  if (input.readFile(posix.join(dir, 'pnpm-workspace.yaml')) !== undefined) return true;
  const text = input.readFile(posix.join(dir, 'package.json'));
  if (text === undefined) return false;
  try {
    return field(parseJson(text), 'workspaces') !== undefined;
  } catch {
    return false;
  }
}

/** One package per installed name; declared in several fields, the runtime declaration wins. */
function toPackage(install: string, decls: DeclaredDependency[], path: string): Package | undefined {
  const d = decls.find((x) => x.field !== 'devDependencies') ?? decls[0]!;
  const alias = aliasTarget(d.spec);
  const name = alias?.name ?? install;
  const spec = (alias?.spec ?? d.spec).trim();
  if (LOCAL.test(spec)) return undefined;
  const exact = isExactVersion(spec);
  return npmPackage({
    name,
    version: exact ? spec : '',
    constraint: exact ? undefined : spec || '*',
    key: install,
    path,
    direct: true,
    dev: decls.every((x) => x.field === 'devDependencies'),
    groups: decls.flatMap((x) => GROUPS[x.field] ?? []),
  });
}

/** Unity's package manager uses package.json too; its dependencies are Unity packages, not npm ones. */
function isUnityPackage(manifest: JsonObject): boolean {
  return typeof field(manifest, 'unity') === 'string';
}

function parsePackageJson(input: LockfileInput): LockfileResult {
  const manifest = topLevelObject(parseJson(input.text));
  if (isUnityPackage(manifest) || coveredByLockfile(input)) return { packages: [], warnings: [] };
  const byName = new Map<string, DeclaredDependency[]>();
  for (const d of declaredDependencies(manifest)) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const warnings: LockfileWarning[] = [];
  const packages: Package[] = [];
  for (const [install, decls] of byName) {
    if (!isPackageName(install)) {
      warnings.push({ message: `"${install}" is not a package name; skipped` });
      continue;
    }
    const p = toPackage(install, decls, input.path);
    if (p) packages.push(p);
  }
  if (packages.some((p) => !p.resolved)) {
    warnings.push({ message: 'no lockfile: versions are the declared ranges, not what gets installed' });
  }
  return { packages, warnings };
}

export const packageJsonParser: LockfileParser = {
  name: 'package-json',
  ecosystem: 'npm',
  format: 'package.json (npm manifest without a lockfile)',
  matches: (path) => posix.basename(path) === 'package.json' && !path.split('/').includes('node_modules'),
  parse: parsePackageJson,
};
