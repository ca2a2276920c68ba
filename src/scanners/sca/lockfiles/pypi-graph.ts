import type { Package, PackageHash } from '../../../core/package.js';
import type { LockfileWarning } from './parser.js';
import { normalizePypiName } from './pypi-package.js';

/**
 * How many releases of one name a real lockfile holds (split by environment markers or
 * sources). Edges to a name listed more often are dropped: a file built to make every
 * dependency fan out to thousands of packages would otherwise take quadratic time.
 */
const MAX_SAME_NAME = 64;

/** Items grouped by PEP 503 name, in first-seen order. */
export function indexByName<T>(items: Iterable<T>, nameOf: (item: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const name = normalizePypiName(nameOf(item));
    const group = index.get(name);
    if (group) group.push(item);
    else index.set(name, [item]);
  }
  return index;
}

/** The releases a dependency on `name` can mean; none when the name is listed implausibly often. */
export function releasesNamed<T>(index: Map<string, T[]>, name: string, warnings: LockfileWarning[]): T[] {
  const releases = index.get(normalizePypiName(name)) ?? [];
  if (releases.length <= MAX_SAME_NAME) return releases;
  const message = `${name} is listed ${releases.length} times; dependencies on it are not linked`;
  if (!warnings.some((warning) => warning.message === message)) warnings.push({ message });
  return [];
}

/**
 * Fills `dependsOn` from dependency names. A lockfile that holds several versions of one name
 * (split by environment markers) links to all of them: which one applies is decided at install time.
 */
export function linkByName(
  packages: Iterable<Package>,
  dependencyNames: Map<Package, string[]>,
  warnings: LockfileWarning[],
): void {
  const index = indexByName(packages, (pkg) => pkg.name);
  for (const [pkg, names] of dependencyNames) {
    const keys = names.flatMap((name) => releasesNamed(index, name, warnings).map((release) => release.key));
    if (keys.length) pkg.dependsOn = [...new Set(keys)].sort();
  }
}

interface Entry {
  pkg: Package;
  groups: Set<string>;
  hashes: Map<string, PackageHash>;
}

/**
 * Packages by key. A release listed twice (runtime and dev sections) becomes one package that is
 * runtime if either says so, direct if either says so, with every group and hash; merging costs
 * only the size of the newcomer, whatever a hostile file repeats.
 */
export class UniquePackages {
  private readonly entries = new Map<string, Entry>();

  /** The stored package for this key: the one given, or the earlier one it was folded into. */
  add(pkg: Package): Package {
    const entry = this.entries.get(pkg.key);
    if (!entry) {
      const hashes = new Map((pkg.hashes ?? []).map((hash) => [`${hash.alg}:${hash.value}`, hash]));
      this.entries.set(pkg.key, { pkg, groups: new Set(pkg.groups), hashes });
      return pkg;
    }
    const existing = entry.pkg;
    if (existing.dev !== undefined || pkg.dev !== undefined)
      existing.dev = existing.dev !== false && pkg.dev !== false;
    if (existing.direct !== undefined || pkg.direct !== undefined)
      existing.direct = !!(existing.direct || pkg.direct);
    for (const group of pkg.groups ?? []) entry.groups.add(group);
    for (const hash of pkg.hashes ?? []) entry.hashes.set(`${hash.alg}:${hash.value}`, hash);
    return existing;
  }

  get(key: string): Package | undefined {
    return this.entries.get(key)?.pkg;
  }

  packages(): Package[] {
    return [...this.entries.values()].map(({ pkg, groups, hashes }) => {
      if (groups.size) pkg.groups = [...groups].sort();
      if (hashes.size) pkg.hashes = [...hashes.values()];
      return pkg;
    });
  }
}
