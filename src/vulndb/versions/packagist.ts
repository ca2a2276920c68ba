import { compareDigits, defineOrdering } from './define.js';

/**
 * Composer's versions (https://getcomposer.org/doc/articles/versions.md): normalised the way
 * Composer's VersionParser does (`v` prefix dropped, up to four numeric parts padded to four,
 * `b`/`a`/`p`/`pl` spelled `beta`/`alpha`/`patch`, `-stable` dropped, a `-dev` suffix kept), then
 * ordered as PHP's version_compare orders that form: `dev < alpha < beta < RC < release < patch`.
 * Branches (`dev-main`, `2.x-dev`) name no fixed release, so they are not valid versions here.
 */

/** A numeric part (digits) or the rank of a stability word. */
type Part = string | number;

const MODIFIER = '[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)([.-]?\\d+(?:[.-]\\d+)*)?)?([.-]?dev)?';
const CLASSICAL = new RegExp(`^v?(\\d{1,5}(?:\\.\\d+){0,3})${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i');

const STABILITY_RANK: Record<string, number> = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  patch: 5,
  pl: 5,
  p: 5,
};
/** Where version_compare puts a number when it meets a stability word. */
const NUMBER_RANK = 4;

function parseComposer(version: string): Part[] | undefined {
  const text = version.trim().replace(/\+.*$/, '');
  const classical = CLASSICAL.exec(text);
  const m = classical ?? DATE.exec(text);
  if (!m) return undefined;
  const [, release = '', stability, stabilityNumbers, dev] = m;
  const parts: Part[] = release.split(/\D/);
  while (classical && parts.length < 4) parts.push('0');
  const word = stability?.toLowerCase();
  if (word !== undefined && word !== 'stable') {
    parts.push(STABILITY_RANK[word]!, ...(stabilityNumbers?.split(/[.-]/).filter(Boolean) ?? []));
  }
  if (dev) parts.push(STABILITY_RANK.dev!);
  return parts;
}

function rank(part: Part): number {
  return typeof part === 'string' ? NUMBER_RANK : part;
}

function comparePart(a: Part, b: Part): number {
  if (typeof a === 'string' && typeof b === 'string') return compareDigits(a, b);
  return rank(a) - rank(b);
}

/** Past the end of the shorter version, a number or `patch` makes the longer one newer, `-beta` or `-dev` older. */
function compareTail(next: Part): number {
  return typeof next === 'string' ? 1 : Math.sign(next - NUMBER_RANK);
}

function compareComposer(a: Part[], b: Part[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const c = comparePart(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  if (a.length > shared) return compareTail(a[shared]!);
  if (b.length > shared) return -compareTail(b[shared]!);
  return 0;
}

export const packagistOrdering = defineOrdering<Part[]>({
  name: 'Composer',
  ecosystems: ['Packagist'],
  parse: parseComposer,
  compare: compareComposer,
});
