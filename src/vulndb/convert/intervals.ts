import semver from 'semver';
import type { OsvEvent, OsvRange } from '../osv.js';

/**
 * Version intervals over SemVer 2.0 precedence, the common ground of the converters whose
 * sources speak in requirements (`>= 1.2, < 1.4`) rather than OSV events.
 */
export interface Bound {
  version: string;
  inclusive: boolean;
}

/** An undefined bound is unbounded on that side. */
export interface Interval {
  lower?: Bound;
  upper?: Bound;
}

const cmp = (a: string, b: string) => semver.compare(a, b);

/** The smallest SemVer version greater than `v`: 1.2.3 → 1.2.4-0, 1.0.0-rc.1 → 1.0.0-rc.1.0. */
export function nextVersion(v: string): string {
  const p = semver.parse(v);
  if (!p) throw new Error(`'${v}' is not a SemVer version`);
  if (p.prerelease.length > 0) return `${p.major}.${p.minor}.${p.patch}-${[...p.prerelease, 0].join('.')}`;
  return `${p.major}.${p.minor}.${p.patch + 1}-0`;
}

export function isEmpty(i: Interval): boolean {
  if (!i.lower || !i.upper) return false;
  const c = cmp(i.lower.version, i.upper.version);
  return c > 0 || (c === 0 && !(i.lower.inclusive && i.upper.inclusive));
}

/** Intersection of two intervals (a requirement's comma-separated comparators). */
export function intersect(a: Interval, b: Interval): Interval {
  return { lower: tighterLower(a.lower, b.lower), upper: tighterUpper(a.upper, b.upper) };
}

function tighterLower(a?: Bound, b?: Bound): Bound | undefined {
  if (!a || !b) return a ?? b;
  const c = cmp(a.version, b.version);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? b : a;
}

function tighterUpper(a?: Bound, b?: Bound): Bound | undefined {
  if (!a || !b) return a ?? b;
  const c = cmp(a.version, b.version);
  if (c !== 0) return c < 0 ? a : b;
  return a.inclusive ? b : a;
}

/** Orders by where intervals start; unbounded first, and an inclusive start before an exclusive one. */
function byLower(a: Interval, b: Interval): number {
  if (!a.lower || !b.lower) return (a.lower ? 1 : 0) - (b.lower ? 1 : 0);
  return cmp(a.lower.version, b.lower.version) || Number(!a.lower.inclusive) - Number(!b.lower.inclusive);
}

/** True when `next` (starting no earlier than `cur`) overlaps or touches `cur`. */
function joins(cur: Interval, next: Interval): boolean {
  if (!cur.upper || !next.lower) return true;
  const c = cmp(next.lower.version, cur.upper.version);
  return c < 0 || (c === 0 && (cur.upper.inclusive || next.lower.inclusive));
}

function laterUpper(a?: Bound, b?: Bound): Bound | undefined {
  if (!a || !b) return undefined;
  const c = cmp(a.version, b.version);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? a : b;
}

/** The union of `intervals` as sorted, disjoint intervals. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => !isEmpty(i)).sort(byLower);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && joins(last, i)) last.upper = laterUpper(last.upper, i.upper);
    else out.push({ ...i });
  }
  return out;
}

const flip = (b: Bound): Bound => ({ version: b.version, inclusive: !b.inclusive });

/** Every version not in any of `intervals`. */
export function complement(intervals: readonly Interval[]): Interval[] {
  const merged = union(intervals);
  if (merged.length === 0) return [{}];
  const out: Interval[] = [];
  const first = merged[0]!;
  if (first.lower) out.push({ upper: flip(first.lower) });
  merged.forEach((cur, k) => {
    if (!cur.upper) return;
    const next = merged[k + 1];
    out.push({ lower: flip(cur.upper), ...(next?.lower ? { upper: flip(next.lower) } : {}) });
  });
  return out.filter((i) => !isEmpty(i));
}

/**
 * OSV ranges for affected intervals, one range each: OSV forbids mixing `fixed` and
 * `last_affected` in one range, and separate ranges keep each interval self-evident.
 */
export function toRanges(intervals: readonly Interval[], type: OsvRange['type']): OsvRange[] {
  return union(intervals).map((i) => {
    const events: OsvEvent[] = [{ introduced: introducedAt(i.lower) }];
    if (i.upper)
      events.push(i.upper.inclusive ? { last_affected: i.upper.version } : { fixed: i.upper.version });
    return { type, events };
  });
}

function introducedAt(lower?: Bound): string {
  if (!lower) return '0';
  return lower.inclusive ? lower.version : nextVersion(lower.version);
}
