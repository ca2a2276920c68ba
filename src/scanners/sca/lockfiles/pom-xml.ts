import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { localParents } from './maven-parents.js';
import { type RawDependency, type RawPom, readPom } from './maven-pom.js';
import { hasUnresolved, PomInterpolator } from './maven-properties.js';
import type { LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';

/** A dependency after interpolation, with its management key `groupId:artifactId:type[:classifier]`. */
interface Dependency {
  groupId: string;
  artifactId: string;
  type: string;
  classifier?: string;
  raw: RawDependency;
  key: string;
}

/**
 * A Maven `pom.xml`: the dependencies the project declares (so all direct), with versions from
 * `<properties>`, `dependencyManagement` and local parent POMs. Versions Maven would only know
 * after resolving against a repository (ranges, unknown properties, remote parents and BOMs)
 * are reported unresolved with the constraint, never guessed.
 */
export const pomXmlParser: LockfileParser = {
  name: 'pom-xml',
  ecosystem: 'Maven',
  format: 'pom.xml (Maven)',
  matches: (path) => posix.basename(path) === 'pom.xml',
  parse(input): LockfileResult {
    const pom = readPom(input.text, input.path);
    const warnings: LockfileWarning[] = [];
    const chain = [pom, ...localParents(pom, input.readFile, warnings)];
    const interpolator = PomInterpolator.forChain(chain);
    const warn: Warn = (message, at) => warnings.push(located(message, at, input.path));
    const managed = managedDependencies(chain, interpolator, warn);
    const declared = effectiveDependencies(chain, interpolator, warn);
    return { packages: declared.map((d) => toPackage(d, input.path, managed, interpolator, warn)), warnings };
  },
};

type Warn = (message: string, at: RawDependency) => void;

/** What comes from a parent POM is filed under that POM. */
function located(message: string, at: RawDependency, path: string): LockfileWarning {
  return at.path === path ? { message, line: at.line } : { message, line: at.line, path: at.path };
}

function interpolated(raw: RawDependency, interpolator: PomInterpolator): Dependency | undefined {
  const groupId = interpolator.interpolate(raw.groupId ?? '');
  const artifactId = interpolator.interpolate(raw.artifactId ?? '');
  if (!groupId || !artifactId || hasUnresolved(groupId) || hasUnresolved(artifactId)) return undefined;
  const type = interpolator.interpolate(raw.type ?? 'jar');
  const classifier = raw.classifier ? interpolator.interpolate(raw.classifier) : undefined;
  const dep: Dependency = { groupId, artifactId, type, raw, key: `${groupId}:${artifactId}:${type}` };
  if (classifier) {
    dep.classifier = classifier;
    dep.key += `:${classifier}`;
  }
  return dep;
}

/** The nearest POM's management of a key wins; imported BOMs that are not read are reported. */
function managedDependencies(
  chain: RawPom[],
  interpolator: PomInterpolator,
  warn: Warn,
): Map<string, Dependency> {
  const managed = new Map<string, Dependency>();
  for (const pom of chain) {
    for (const raw of pom.managed) {
      const dep = interpolated(raw, interpolator);
      if (!dep) continue;
      const scope = interpolator.interpolate(raw.scope ?? '');
      if (scope === 'import' && dep.type === 'pom') warnBom(dep, interpolator, warn);
      else if (!managed.has(dep.key)) managed.set(dep.key, dep);
    }
  }
  return managed;
}

function warnBom(dep: Dependency, interpolator: PomInterpolator, warn: Warn): void {
  const version = interpolator.interpolate(dep.raw.version ?? '');
  warn(
    `imported BOM ${dep.groupId}:${dep.artifactId}:${version} is not read: the versions it manages are unknown`,
    dep.raw,
  );
}

/**
 * The POM's dependencies, then those inherited from its parents that it does not redeclare.
 * Declared twice in one POM, Maven keeps the last declaration (and warns); so does this.
 */
function effectiveDependencies(chain: RawPom[], interpolator: PomInterpolator, warn: Warn): Dependency[] {
  const result = new Map<string, Dependency>();
  for (const pom of chain) {
    const own = new Map<string, Dependency>();
    for (const raw of pom.dependencies) {
      const dep = interpolated(raw, interpolator);
      if (!dep) {
        warn('dependency without a resolvable groupId and artifactId; skipped', raw);
        continue;
      }
      if (own.has(dep.key)) warn(`${dep.key} is declared twice; Maven uses the last declaration`, raw);
      own.set(dep.key, dep);
    }
    for (const [key, dep] of own) if (!result.has(key)) result.set(key, dep);
  }
  return [...result.values()];
}

interface VersionInfo {
  version: string;
  resolved: boolean;
  constraint?: string;
  problem?: string;
}

/** `1.2` and `[1.2]` are exact; ranges and what stays `${...}` are constraints, never versions. */
function versionOf(declared: string | undefined, interpolator: PomInterpolator): VersionInfo {
  if (!declared)
    return {
      version: '',
      resolved: false,
      problem: 'no version, and none is managed here or in a local parent',
    };
  const value = interpolator.interpolate(declared);
  if (hasUnresolved(value)) {
    return {
      version: '',
      resolved: false,
      constraint: declared,
      problem: `version ${declared} cannot be resolved`,
    };
  }
  const pinned = /^\[\s*([^\s,()[\]]+)\s*\]$/.exec(value);
  if (pinned) return { version: pinned[1]!, resolved: true };
  if (/[[\](),]/.test(value)) {
    return {
      version: '',
      resolved: false,
      constraint: value,
      problem: `version range ${value}: Maven picks from the repository`,
    };
  }
  return { version: value, resolved: true };
}

function toPackage(
  dep: Dependency,
  path: string,
  managed: Map<string, Dependency>,
  interpolator: PomInterpolator,
  warn: Warn,
): Package {
  const management = managed.get(dep.key)?.raw;
  const info = versionOf(dep.raw.version ?? management?.version, interpolator);
  const name = `${dep.groupId}:${dep.artifactId}`;
  if (info.problem) warn(`${name}: ${info.problem}`, dep.raw);
  const scope = interpolator.interpolate(dep.raw.scope ?? management?.scope ?? 'compile');
  const pkg: Package = {
    ecosystem: 'Maven',
    name,
    version: info.version,
    resolved: info.resolved,
    purl: purlFor('Maven', name, info.version, qualifiers(dep)),
    direct: true,
    dev: scope === 'test' || scope === 'provided',
    groups: dep.raw.optional === 'true' ? [scope, 'optional'] : [scope],
    source: sourceOf(dep.raw, path),
    key: dep.key,
  };
  if (info.constraint) pkg.constraint = info.constraint;
  if (dep.raw.path !== path) pkg.declaredIn = sourceOf(dep.raw, dep.raw.path);
  return pkg;
}

/** The scanned POM is the source; an inherited dependency has no line there, and `declaredIn` names the parent. */
function sourceOf(raw: RawDependency, path: string): Package['source'] {
  return raw.path === path && raw.line !== undefined ? { path, line: raw.line } : { path };
}

/** The purl spec's Maven qualifiers; `jar` is the default type and is left out. */
function qualifiers(dep: Dependency): Record<string, string> | undefined {
  const q: Record<string, string> = {};
  if (dep.type !== 'jar') q.type = dep.type;
  if (dep.classifier) q.classifier = dep.classifier;
  return Object.keys(q).length ? q : undefined;
}
