import { orderingFor } from '../vulndb/versions/index.js';
import type { VersionOrdering } from '../vulndb/versions/ordering.js';
import { semverOrdering } from '../vulndb/versions/semver.js';

/**
 * Version ranges for the SBOM search (`<2.17.0`, `>=2.0.0 <2.17.1`, `^1.2`, `~> 2.2`,
 * `~=3.1`, `1.x || 2.0.0 - 2.3`), compared with each ecosystem's own version order. The
 * shorthands expand the way npm, RubyGems and PEP 440 define them, except that prereleases are
 * plain versions here: `<2.17.0` includes `2.17.0-rc1`, as the ecosystem orders it.
 */

export type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';
export interface Comparator {
  op: Op;
  version: string;
}
/** Alternatives (`||`), each a list of comparators that must all hold; [] holds for anything. */
export type VersionRange = Comparator[][];

export class VersionRangeError extends Error {}

const TOKEN = /^(<=|>=|<|>|==|=|!=|\^|~>|~=|~)?\s*([0-9A-Za-z*][0-9A-Za-z.*+_:~-]*)/;
const WILDCARD = /^[xX*]$/;

export function parseRange(text: string): VersionRange {
  if (text.length > 500) throw new VersionRangeError('is longer than any version range needs');
  return text.split('||').map((alt) => parseAlternative(alt.trim()));
}

function parseAlternative(alt: string): Comparator[] {
  if (alt === '') throw new VersionRangeError('has an empty alternative around ||');
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt);
  if (hyphen) return [...expand('>=', hyphen[1]!), ...expand('<=', hyphen[2]!)];
  const out: Comparator[] = [];
  let rest = alt;
  while (rest) {
    const m = TOKEN.exec(rest);
    if (!m)
      throw new VersionRangeError(
        `cannot read "${rest.slice(0, 40)}" (write e.g. <2.17.0, >=2.0.0 <2.17.1 or ^1.2)`,
      );
    out.push(...expand(m[1] ?? '', m[2]!));
    rest = rest.slice(m[0].length).replace(/^[\s,]+/, '');
  }
  return out;
}

/** The leading numeric parts (`1.2.x` → [1, 2], partial) of a version. */
function numericParts(v: string): { parts: number[]; partial: boolean } {
  const pieces = v.replace(/^v/, '').split('.');
  const parts: number[] = [];
  for (const p of pieces) {
    if (WILDCARD.test(p)) return { parts, partial: true };
    if (!/^\d+$/.test(p)) return { parts, partial: false };
    parts.push(Number(p));
  }
  return { parts, partial: parts.length < 3 };
}

const join = (parts: number[]) => [...parts, 0, 0, 0].slice(0, Math.max(3, parts.length)).join('.');
/** The first version past every version starting with `parts` (`1.2` → `1.3.0`). */
function bump(parts: number[]): string {
  const up = parts.slice();
  up[up.length - 1]! += 1;
  return join(up);
}

function expand(op: string, version: string): Comparator[] {
  if (WILDCARD.test(version)) return [];
  const { parts, partial } = numericParts(version);
  const exact = !/[xX*]/.test(version);
  switch (op) {
    case '^': {
      if (!parts.length) throw new VersionRangeError(`^${version}: needs a numeric version`);
      const i = parts.findIndex((n, k) => n !== 0 || k === parts.length - 1);
      return [
        { op: '>=', version: exact ? version : join(parts) },
        { op: '<', version: bump(parts.slice(0, i + 1)) },
      ];
    }
    case '~': {
      if (!parts.length) throw new VersionRangeError(`~${version}: needs a numeric version`);
      return [
        { op: '>=', version: exact ? version : join(parts) },
        { op: '<', version: bump(parts.slice(0, Math.min(2, parts.length))) },
      ];
    }
    case '~>':
    case '~=': {
      // Pessimistic / compatible release: the last part given may grow, the ones before may not.
      if (parts.length < 2) throw new VersionRangeError(`${op} ${version}: needs at least two version parts`);
      return [
        { op: '>=', version },
        { op: '<', version: bump(parts.slice(0, -1)) },
      ];
    }
  }
  const cmp = (op === '==' ? '=' : op || '=') as Op;
  if (!partial || !parts.length) return [{ op: cmp, version }];
  // A partial version stands for every version it starts (`1.2` = `1.2.x`).
  switch (cmp) {
    case '>=':
    case '<':
      return [{ op: cmp, version: exact ? version : join(parts) }];
    case '>':
      return [{ op: '>=', version: bump(parts) }];
    case '<=':
      return [{ op: '<', version: bump(parts) }];
    case '!=':
      return [{ op: '!=', version }];
    default:
      return [
        { op: '>=', version: join(parts) },
        { op: '<', version: bump(parts) },
      ];
  }
}

/** The ecosystem's order, or SemVer for ecosystems Gatehouse cannot order. */
export function orderingOf(ecosystem: string): VersionOrdering {
  return orderingFor(ecosystem) ?? semverOrdering;
}

/** A bound as the ordering reads it: as written, padded to three parts, or with Go's `v`. */
function readable(ordering: VersionOrdering, v: string): string | undefined {
  for (const candidate of [v, /^\d+(\.\d+)?$/.test(v) ? join(numericParts(v).parts) : v, `v${v}`])
    if (ordering.isValid(candidate)) return candidate;
  return undefined;
}

function holds(c: Comparator, version: string, ordering: VersionOrdering): boolean {
  const bound = readable(ordering, c.version);
  if (bound === undefined) return false;
  const d = ordering.compare(version, bound);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '=':
      return d === 0;
    case '!=':
      return d !== 0;
  }
}

/** False for versions (or bounds) the ecosystem cannot read: a guess would mislead. */
export function satisfies(range: VersionRange, ecosystem: string, version: string): boolean {
  const ordering = orderingOf(ecosystem);
  if (!ordering.isValid(version)) return false;
  return range.some((alt) => alt.every((c) => holds(c, version, ordering)));
}
