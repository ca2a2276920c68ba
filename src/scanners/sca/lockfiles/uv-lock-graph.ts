import { asArray, asRecord, asString } from './lockfile-text.js';
import type { LockfileWarning } from './parser.js';
import { indexByName, releasesNamed } from './pypi-graph.js';
import { normalizePep440 } from './pypi-package.js';

/** One `[[package]]` of a uv.lock before it becomes a Package. */
export interface UvNode {
  name: string;
  version: string;
  key: string;
  line?: number;
  /** Set for packages whose source is a folder or file in the tree. */
  localPath?: string;
  /** The project or a workspace member: the roots of the graph, not dependencies. */
  project: boolean;
  table: Record<string, unknown>;
  dependsOn?: UvNode[];
}

/** How a package is reached from the project. */
export interface Reach {
  /** Listed by the project itself. */
  direct: boolean;
  /** Reached only through development groups. */
  dev?: boolean;
  /** Extras and dependency groups of the project it is reached through. */
  groups: Set<string>;
}

/**
 * Each extra and group of each workspace member is one walk over the graph; real workspaces
 * have dozens, and a file declaring thousands would make the walks quadratic.
 */
const MAX_WALKS = 256;

interface Walk {
  dev: boolean;
  group?: string;
  targets: UvNode[];
}

/**
 * Resolves every package's edges, then walks from the project along its dependencies, each
 * extra and each dev group. Empty when the lock has no project package (nothing is known).
 */
export function walkFromProject(nodes: UvNode[], warnings: LockfileWarning[]): Map<UvNode, Reach> {
  const resolve = resolver(nodes, warnings);
  for (const node of nodes) node.dependsOn = edgesOf(node.table, resolve);
  const projects = nodes.filter((node) => node.project);
  const reach = new Map<UvNode, Reach>();
  if (!projects.length) return reach;
  for (const node of nodes) if (!node.project) reach.set(node, { direct: false, groups: new Set() });
  const walks = projects.flatMap((project) => walksOf(project.table, resolve));
  if (walks.length > MAX_WALKS) {
    warnings.push({
      message: `${walks.length} dependency groups; dev and groups are left unknown past ${MAX_WALKS}`,
    });
  }
  for (const walk of walks.slice(0, MAX_WALKS)) {
    for (const target of walk.targets) {
      const seen = reach.get(target);
      if (seen) seen.direct = true;
    }
    visit(walk, reach);
  }
  return reach;
}

type Resolve = (ref: unknown) => UvNode[];

/** A dependency names a package, plus its version or source when the lock holds several of that name. */
function resolver(nodes: UvNode[], warnings: LockfileWarning[]): Resolve {
  const index = indexByName(nodes, (node) => node.name);
  return (ref) => {
    const table = asRecord(ref);
    const candidates = releasesNamed(index, asString(table.name) ?? '', warnings);
    const version = asString(table.version);
    if (version === undefined || candidates.length < 2) return candidates;
    const wanted = normalizePep440(version) ?? version;
    return candidates.filter((node) => (normalizePep440(node.version) ?? node.version) === wanted);
  };
}

/**
 * A package's own dependencies and those of its extras: uv only locks extras that some
 * package in the resolution asks for, so their dependencies are part of the graph.
 */
function edgesOf(table: Record<string, unknown>, resolve: Resolve): UvNode[] {
  const extras = Object.values(asRecord(table['optional-dependencies'])).flatMap(asArray);
  return [...new Set([...asArray(table.dependencies), ...extras].flatMap(resolve))];
}

function walksOf(table: Record<string, unknown>, resolve: Resolve): Walk[] {
  const walks: Walk[] = [{ dev: false, targets: asArray(table.dependencies).flatMap(resolve) }];
  for (const [group, refs] of Object.entries(asRecord(table['optional-dependencies']))) {
    walks.push({ dev: false, group, targets: asArray(refs).flatMap(resolve) });
  }
  for (const [group, refs] of Object.entries(asRecord(table['dev-dependencies']))) {
    walks.push({ dev: true, group, targets: asArray(refs).flatMap(resolve) });
  }
  return walks;
}

/** Breadth-first, iterative: a hostile lock with a very long chain cannot exhaust the stack. */
function visit(walk: Walk, reach: Map<UvNode, Reach>): void {
  const queue = [...walk.targets];
  const visited = new Set<UvNode>();
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    const seen = reach.get(node);
    if (!seen || visited.has(node)) continue;
    visited.add(node);
    seen.dev = walk.dev ? seen.dev !== false : false;
    if (walk.group) seen.groups.add(walk.group);
    queue.push(...(node.dependsOn ?? []));
  }
}
