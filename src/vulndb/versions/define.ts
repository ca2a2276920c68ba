import type { Ecosystem } from '../../core/package.js';
import type { VersionOrdering } from './ordering.js';

/** How one ecosystem reads and orders its versions; `defineOrdering` adds caching and validation. */
export interface OrderingSpec<T> {
  /** For error messages: `not a valid ${name} version`. */
  name: string;
  ecosystems: readonly Ecosystem[];
  /** The parsed form, or undefined when the string is not a version in this scheme. */
  parse(version: string): T | undefined;
  compare(a: T, b: T): number;
}

/**
 * Matching compares the same few versions (the installed one, the advisory's bounds) many times,
 * so each distinct string is parsed once. The cache is dropped whole when it grows past the
 * limit: simpler than an LRU and still bounded whatever a hostile lockfile contains.
 */
const CACHE_LIMIT = 50_000;

/** Longer strings are not versions in any ecosystem; refusing them bounds the work per string. */
const MAX_VERSION_LENGTH = 256;

export function defineOrdering<T>(spec: OrderingSpec<T>): VersionOrdering {
  const cache = new Map<string, T | undefined>();
  const parse = (version: string): T | undefined => {
    if (cache.has(version)) return cache.get(version);
    const parsed = version.length > MAX_VERSION_LENGTH ? undefined : spec.parse(version);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(version, parsed);
    return parsed;
  };
  const parseOrThrow = (version: string): T => {
    const parsed = parse(version);
    if (parsed === undefined) {
      throw new Error(`not a valid ${spec.name} version: ${JSON.stringify(version.slice(0, 80))}`);
    }
    return parsed;
  };
  return {
    ecosystems: spec.ecosystems,
    isValid: (version) => parse(version) !== undefined,
    compare: (a, b) => {
      const c = spec.compare(parseOrThrow(a), parseOrThrow(b));
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    },
  };
}

/** Orders two strings of ASCII digits of any length by their numeric value. */
export function compareDigits(a: string, b: string): number {
  const x = stripZeros(a);
  const y = stripZeros(b);
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Plain code-unit order, as C's strcmp and Ruby's String#<=> give for ASCII. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits[i] === '0') i++;
  return digits.slice(i);
}
