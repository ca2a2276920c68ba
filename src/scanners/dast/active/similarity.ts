import { decodeEntities } from '../passive/lib/text.js';

/** Past this, a page is compared on its start: enough to see a result list change. */
const COMPARE_LIMIT = 256 * 1024;

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Session ids, nonces, hashes: a long run of letters and digits that holds a digit. */
const TOKEN = /\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{16,}\b/g;
const DIGITS = /\d+/g;

/**
 * The text two answers are compared on: entities decoded, the values this request sent taken
 * out (a page that echoes its input differs only by that echo), and what changes on every
 * request anyway (numbers, dates, request ids, tokens) removed.
 */
export function normalize(text: string, sent: readonly string[] = []): string {
  let out = decodeEntities(text.length > COMPARE_LIMIT ? text.slice(0, COMPARE_LIMIT) : text);
  // Longest first: a payload contains the original value, which must not be cut out of it first.
  for (const s of [...new Set(sent)].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) {
    for (const form of new Set([s, encodeURIComponent(s), encodeURIComponent(s).replace(/%20/g, '+')]))
      out = out.split(form).join(' ');
  }
  return out.replace(UUID, ' ').replace(TOKEN, ' ').replace(DIGITS, ' ');
}

/** Words and single punctuation marks: markup counts, so a list item that disappears shows. */
function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\p{L}_]+|[^\s\p{L}_]/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/**
 * The Dice coefficient of the two texts' token multisets: 1 for the same tokens (in any order),
 * 0 for nothing in common. Order-blind on purpose: cheap, linear, and a page that moves a block
 * is not a different answer.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = tokens(a);
  const tb = tokens(b);
  let common = 0;
  let total = 0;
  for (const [t, n] of ta) {
    common += Math.min(n, tb.get(t) ?? 0);
    total += n;
  }
  for (const n of tb.values()) total += n;
  return total === 0 ? 1 : (2 * common) / total;
}
