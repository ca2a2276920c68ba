import type { Package, PackageHash } from '../core/package.js';

/** One SBOM component: the packages of one lockfile that share a purl, merged. */
export interface SbomNode {
  /** `<purl>|<lockfile path>`: stable across runs, unique within the document. */
  ref: string;
  pkg: Package;
  /** Refs of the nodes this one depends on, sorted. */
  dependsOn: string[];
}

export interface SbomGraph {
  /** Sorted by ref. */
  nodes: SbomNode[];
  /** Refs of the nodes the project itself depends on, sorted. */
  direct: string[];
}

export function nodeRef(pkg: Package): string {
  return `${pkg.purl}|${pkg.source.path}`;
}

/**
 * Packages as SBOM components. A lockfile can list one version twice (npm nests a copy under
 * another package); the SBOM has one component per purl and lockfile, with the union of the
 * copies' edges. Edges use `dependsOn` keys within the same lockfile; keys that name no package
 * there are dropped. The project depends on the packages marked direct, and, where a lockfile
 * does not say, on those nothing else depends on.
 */
export function buildGraph(packages: readonly Package[]): SbomGraph {
  const groups = new Map<string, Package[]>();
  for (const pkg of packages) {
    const copies = groups.get(nodeRef(pkg));
    if (copies) copies.push(pkg);
    else groups.set(nodeRef(pkg), [pkg]);
  }
  const byKey = new Map<string, string>();
  for (const pkg of packages) byKey.set(keyId(pkg.source.path, pkg.key), nodeRef(pkg));
  const nodes = [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([ref, copies]) => ({ ref, pkg: merge(copies), dependsOn: edges(ref, copies, byKey) }));
  const depended = new Set(nodes.flatMap((n) => n.dependsOn));
  const direct = nodes
    .filter((n) => n.pkg.direct === true || (n.pkg.direct === undefined && !depended.has(n.ref)))
    .map((n) => n.ref);
  return { nodes, direct };
}

function keyId(path: string, key: string): string {
  return `${path}\0${key}`;
}

function edges(ref: string, copies: readonly Package[], byKey: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const pkg of copies) {
    for (const key of pkg.dependsOn ?? []) {
      const target = byKey.get(keyId(pkg.source.path, key));
      if (target !== undefined && target !== ref) out.add(target);
    }
  }
  return [...out].sort(compare);
}

/** The copy with the smallest key speaks for the rest, so the result does not depend on input order. */
function merge(copies: readonly Package[]): Package {
  const sorted = [...copies].sort((a, b) => compare(a.key, b.key));
  const first = sorted[0]!;
  if (sorted.length === 1) return first;
  const merged: Package = { ...first, direct: anyTrue(sorted.map((p) => p.direct)) };
  merged.dev = allTrue(sorted.map((p) => p.dev));
  const groups = unique(sorted.flatMap((p) => p.groups ?? [])).sort(compare);
  const licenses = unique(sorted.flatMap((p) => p.licenses ?? []));
  const hashes = uniqueHashes(sorted.flatMap((p) => p.hashes ?? []));
  merged.groups = groups.length > 0 ? groups : undefined;
  merged.licenses = licenses.length > 0 ? licenses : undefined;
  merged.hashes = hashes.length > 0 ? hashes : undefined;
  return merged;
}

/** True when one copy is direct, false when all say they are not, otherwise unknown. */
function anyTrue(values: readonly (boolean | undefined)[]): boolean | undefined {
  if (values.includes(true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}

/** Dev only when every copy is dev-only: one runtime copy ships. */
function allTrue(values: readonly (boolean | undefined)[]): boolean | undefined {
  if (values.includes(false)) return false;
  return values.every((v) => v === true) ? true : undefined;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueHashes(hashes: readonly PackageHash[]): PackageHash[] {
  const seen = new Map<string, PackageHash>();
  for (const h of hashes) seen.set(`${h.alg}\0${h.value.toLowerCase()}`, h);
  return [...seen.values()];
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
