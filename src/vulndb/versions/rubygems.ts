import { compareText, defineOrdering } from './define.js';

/**
 * RubyGems' Gem::Version (https://guides.rubygems.org/patterns/#prerelease-gems and the class
 * documentation): segments are runs of digits or of letters (`1.0.rc1` → 1, 0, rc, 1); a `-`
 * reads as `.pre.`; any letter makes a prerelease, which sorts before the release (`1.0.a < 1.0`);
 * trailing zeros do not count (`1.0.0 == 1.0`), neither before the first letter nor at the end.
 */
type Segment = string | bigint;

const GEM_VERSION = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parseGem(version: string): Segment[] | undefined {
  const text = version.trim();
  if (!GEM_VERSION.test(text)) return undefined;
  const segments = (text.replaceAll('-', '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    /^\d/.test(s) ? BigInt(s) : s,
  );
  const firstText = segments.findIndex((s) => typeof s === 'string');
  const split = firstText === -1 ? segments.length : firstText;
  return [...dropTrailingZeros(segments.slice(0, split)), ...dropTrailingZeros(segments.slice(split))];
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end--;
  return segments.slice(0, end);
}

function compareSegment(a: Segment, b: Segment): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return typeof a === 'string' ? -1 : 1;
}

/** The shorter list is padded with zeros, so `1.0.a` (1, a) sorts before `1` (1, 0). */
function compareGem(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareSegment(a[i] ?? 0n, b[i] ?? 0n);
    if (c !== 0) return c;
  }
  return 0;
}

export const rubygemsOrdering = defineOrdering<Segment[]>({
  name: 'RubyGems',
  ecosystems: ['RubyGems'],
  parse: parseGem,
  compare: compareGem,
});
