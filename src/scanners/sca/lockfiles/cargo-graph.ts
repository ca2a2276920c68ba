import type { CargoManifest } from './cargo-manifest.js';

/** One `[[package]]` of a Cargo.lock. */
export interface Crate {
  name: string;
  version: string;
  /** Absent for the workspace's own crates (and path dependencies). */
  source?: string;
  checksum?: string;
  /** `dependencies` entries as written: `name`, `name version` or `name version (source)`. */
  deps: string[];
  line?: number;
  key: string;
}

/** Each crate's dependencies, resolved to crates of the same file (unknown names are dropped). */
export function resolveCrateDeps(crates: Crate[]): Map<Crate, Crate[]> {
  const index = new Map<string, Crate>();
  for (const c of crates) {
    for (const key of [c.name, `${c.name} ${c.version}`, `${c.name} ${c.version} (${c.source})`]) {
      if (!index.has(key)) index.set(key, c);
    }
  }
  const edges = new Map<Crate, Crate[]>();
  for (const c of crates) {
    edges.set(
      c,
      c.deps.map((spec) => resolveSpec(spec, index)).filter((d): d is Crate => d !== undefined),
    );
  }
  return edges;
}

/** Cargo writes only as much of `name version (source)` as it needs to be unambiguous. */
function resolveSpec(spec: string, index: Map<string, Crate>): Crate | undefined {
  return index.get(spec.trim().replace(/\s+/g, ' '));
}

const isLocal = (c: Crate) => c.source === undefined;

/**
 * Crates the project declares: what its own (source-less) crates depend on, or, in a lockfile
 * without them, the names its manifest lists. Undefined when neither is known.
 */
export function directCrates(
  crates: Crate[],
  edges: Map<Crate, Crate[]>,
  manifest: CargoManifest | undefined,
): Set<Crate> | undefined {
  const locals = crates.filter(isLocal);
  if (locals.length) return new Set(locals.flatMap((l) => edges.get(l) ?? []).filter((c) => !isLocal(c)));
  if (!manifest) return undefined;
  return new Set(
    crates.filter((c) => !isLocal(c) && (manifest.normal.has(c.name) || manifest.dev.has(c.name))),
  );
}

/**
 * dev = reachable only through the manifest's dev-dependencies. Cargo.lock does not say which
 * edges are dev ones, so only the root crate's manifest is trusted; every other workspace crate's
 * dependencies count as runtime, which errs towards reporting.
 */
export function crateDevFlags(
  crates: Crate[],
  edges: Map<Crate, Crate[]>,
  manifest: CargoManifest,
): Map<Crate, boolean> {
  const starts = entryPoints(crates, edges, manifest);
  const runtime = reach(starts.runtime, edges);
  const dev = reach(starts.dev, edges);
  const flags = new Map<Crate, boolean>();
  for (const c of crates) {
    if (runtime.has(c)) flags.set(c, false);
    else if (dev.has(c)) flags.set(c, true);
  }
  return flags;
}

/**
 * Where the project enters the graph: its own crates' edges, or, when the file has none of its
 * own crates, the crates its manifest names. Only the root crate's edges to dev-only names are dev.
 */
function entryPoints(crates: Crate[], edges: Map<Crate, Crate[]>, manifest: CargoManifest) {
  const devOnly = new Set([...manifest.dev].filter((n) => !manifest.normal.has(n)));
  const starts = { runtime: [] as Crate[], dev: [] as Crate[] };
  const locals = crates.filter(isLocal);
  if (locals.length === 0) {
    for (const c of crates) {
      if (devOnly.has(c.name)) starts.dev.push(c);
      else if (manifest.normal.has(c.name)) starts.runtime.push(c);
    }
    return starts;
  }
  const root = locals.find((c) => c.name === manifest.packageName);
  for (const local of locals) {
    for (const to of edges.get(local) ?? []) {
      (local === root && devOnly.has(to.name) ? starts.dev : starts.runtime).push(to);
    }
  }
  return starts;
}

function reach(starts: Crate[], edges: Map<Crate, Crate[]>): Set<Crate> {
  const seen = new Set<Crate>(starts);
  const queue = [...starts];
  for (let c = queue.pop(); c !== undefined; c = queue.pop()) {
    for (const next of edges.get(c) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
