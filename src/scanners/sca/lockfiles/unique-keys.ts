import type { LockfileWarning } from './parser.js';

/**
 * Package keys must be unique within a file; a lockfile may still list the same name and
 * version twice (hand edits, several sources). The second `a@1` becomes `a@1 #2`, in constant time.
 */
export class UniqueKeys {
  private readonly counts = new Map<string, number>();

  take(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  }
}

/** Groups values by a key without copying arrays on every insert. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Real lockfiles list a name a few times at most (a gem per platform, a dev and a runtime copy). */
const MAX_SAME_NAME = 16;

/**
 * Edge targets by name. A name listed more than MAX_SAME_NAME times gets no edges, with a
 * warning, so a hostile file cannot make the edge lists grow quadratically.
 */
export function edgeTargets<T>(
  items: Iterable<T>,
  nameOf: (item: T) => string,
  warnings: LockfileWarning[],
): Map<string, T[]> {
  const groups = groupBy(items, nameOf);
  for (const [name, group] of groups) {
    if (group.length <= MAX_SAME_NAME) continue;
    warnings.push({
      message: `${name} is listed ${group.length} times; dependency edges to it are left out`,
    });
    groups.delete(name);
  }
  return groups;
}
