import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { markDirect } from './dependency-graph.js';
import {
  field,
  isObject,
  isTrue,
  type JsonObject,
  objectField,
  parseJson,
  stringField,
  topLevelObject,
} from './json-input.js';
import { installPathResolver, nameFromInstallPath } from './node-modules-path.js';
import { integrityHashes, isPackageName, licenseList, npmPackage } from './npm-package.js';
import { parseNpmLockV1 } from './npm-package-lock-v1.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** The `packages` map of lockfile v2/v3: install path -> entry, with links kept apart. */
interface PackagesSection {
  entries: Map<string, JsonObject>;
  /** `node_modules/x` -> the folder it links to (a workspace or a `file:` dependency). */
  links: Map<string, string>;
  root: JsonObject | undefined;
}

function readSection(packages: JsonObject, warnings: LockfileWarning[]): PackagesSection {
  const section: PackagesSection = { entries: new Map(), links: new Map(), root: undefined };
  for (const [path, data] of Object.entries(packages)) {
    if (!isObject(data)) {
      warnings.push({ message: `packages["${path}"] is not an object; skipped` });
    } else if (path === '') {
      section.root = data;
    } else if (isTrue(data, 'link')) {
      const target = stringField(data, 'resolved');
      if (target !== undefined) section.links.set(path, posix.normalize(target));
    } else {
      section.entries.set(path, data);
    }
  }
  return section;
}

/** The install path (following links) a dependency named `name` of the package at `from` resolves to. */
function resolver(section: PackagesSection): (from: string, name: string) => string | undefined {
  const find = installPathResolver([...section.entries.keys(), ...section.links.keys()]);
  return (from, name) => {
    const found = find(from, name);
    const target = found === undefined ? undefined : (section.links.get(found) ?? found);
    return target !== undefined && section.entries.has(target) ? target : undefined;
  };
}

const WITH_DEV = [...DEPENDENCY_FIELDS, 'devDependencies'];

/** Install paths of what a package declares; a workspace also installs its devDependencies. */
function dependencyPaths(
  path: string,
  data: JsonObject,
  withDev: boolean,
  resolve: (from: string, name: string) => string | undefined,
): string[] {
  const out: string[] = [];
  for (const f of withDev ? WITH_DEV : DEPENDENCY_FIELDS) {
    const deps = field(data, f);
    if (!isObject(deps)) continue;
    for (const name of Object.keys(deps)) {
      const target = resolve(path, name);
      if (target !== undefined) out.push(target);
    }
  }
  return out;
}

function groupsOf(data: JsonObject): { dev: boolean; groups: string[] } {
  const groups: string[] = [];
  if (isTrue(data, 'dev') || isTrue(data, 'devOptional')) groups.push('dev');
  if (isTrue(data, 'optional') || isTrue(data, 'devOptional')) groups.push('optional');
  if (isTrue(data, 'peer')) groups.push('peer');
  if (isTrue(data, 'inBundle')) groups.push('bundled');
  // devOptional: also an optional dependency of a runtime package, so it can ship.
  return { dev: isTrue(data, 'dev'), groups };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parsePackagesSection(packages: JsonObject, input: LockfileInput): LockfileResult {
  const warnings: LockfileWarning[] = [];
  const section = readSection(packages, warnings);
  const resolve = resolver(section);
  const linkedNames = new Map(
    [...section.links].map(([link, target]) => [target, nameFromInstallPath(link)]),
  );
  const workspaces = new Set([...section.links.values()].filter((t) => nameFromInstallPath(t) === undefined));
  const out: Package[] = [];
  for (const [path, data] of section.entries) {
    const name =
      stringField(data, 'name') ?? nameFromInstallPath(path) ?? linkedNames.get(path) ?? lastSegment(path);
    if (!isPackageName(name)) {
      warnings.push({ message: `packages["${path}"]: "${name}" is not a package name; skipped` });
      continue;
    }
    const { dev, groups } = groupsOf(data);
    const dependsOn = dependencyPaths(path, data, workspaces.has(path), resolve);
    out.push(
      npmPackage({
        name,
        version: stringField(data, 'version') ?? '',
        key: path,
        path: input.path,
        dev,
        groups,
        licenses: licenseList(field(data, 'license')),
        hashes: integrityHashes(stringField(data, 'integrity')),
        dependsOn,
      }),
    );
  }
  if (section.root) {
    const fromRoot = dependencyPaths('', section.root, true, resolve);
    const fromWorkspaces = [...workspaces].flatMap((w) =>
      dependencyPaths(w, section.entries.get(w) ?? {}, true, resolve),
    );
    markDirect(out, [...fromRoot, ...fromWorkspaces]);
  }
  return { packages: out, warnings };
}

const SHRINKWRAP = 'npm-shrinkwrap.json';

export const npmPackageLockParser: LockfileParser = {
  name: 'npm-package-lock',
  ecosystem: 'npm',
  format: 'package-lock.json / npm-shrinkwrap.json (npm)',
  matches(path) {
    const base = posix.basename(path);
    return base === 'package-lock.json' || base === SHRINKWRAP;
  },
  parse(input) {
    const lock = topLevelObject(parseJson(input.text));
    const beside = posix.join(posix.dirname(input.path), SHRINKWRAP);
    if (posix.basename(input.path) !== SHRINKWRAP && input.readFile(beside) !== undefined) {
      // npm itself ignores package-lock.json when a shrinkwrap sits beside it.
      return { packages: [], warnings: [{ message: `not read: npm installs from ${SHRINKWRAP} beside it` }] };
    }
    const packages = objectField(lock, 'packages');
    return packages ? parsePackagesSection(packages, input) : parseNpmLockV1(lock, input);
  },
};
