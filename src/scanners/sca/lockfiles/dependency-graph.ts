import type { Package } from '../../../core/package.js';

/** Marks every package direct (declared by the project, `rootKeys`) or not. */
export function markDirect(packages: Package[], rootKeys: Iterable<string>): void {
  const roots = new Set(rootKeys);
  for (const p of packages) p.direct = roots.has(p.key);
}

/** Keys reachable from `start` through `dependsOn` (iterative: dependency chains can be long). */
export function reachable(byKey: Map<string, Package>, start: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dep of byKey.get(key)?.dependsOn ?? []) if (!seen.has(dep)) stack.push(dep);
  }
  return seen;
}

/**
 * For lockfiles that do not flag dev packages themselves: a package is dev when only the
 * project's dev dependencies lead to it. Packages neither set of roots reaches (a broken or
 * partial graph) keep `dev` unknown.
 */
export function markDevByReachability(
  packages: Package[],
  prodRoots: Iterable<string>,
  devRoots: Iterable<string>,
): void {
  const byKey = new Map(packages.map((p) => [p.key, p]));
  const prod = reachable(byKey, prodRoots);
  const dev = reachable(byKey, devRoots);
  for (const p of packages) {
    if (prod.has(p.key)) p.dev = false;
    else if (dev.has(p.key)) p.dev = true;
  }
}

/** Groups `dev` when the package is dev, keeping the others. */
export function withDevGroup(p: Package): void {
  if (!p.dev) return;
  p.groups = [...new Set([...(p.groups ?? []), 'dev'])].sort();
}
