import { clean } from '@renovatebot/pep440';
import { compareDigits, compareText, defineOrdering } from './define.js';

/**
 * PEP 440 (https://peps.python.org/pep-0440/). The library normalises the many accepted
 * spellings (`1.0.0-alpha.1` → `1.0.0a1`, `1.0-1` → `1.0.post1`, `v1.0` → `1.0`); the order is
 * computed here from the normalised form so that each version is parsed once, not on every
 * comparison. Legacy versions that PEP 440 rejects are invalid and never match a range.
 */
interface Pep440 {
  epoch: string;
  /** Without trailing zeros: `1.0 == 1.0.0`. */
  release: string[];
  /** Sort key of the pre-release phase: dev-only releases first, final releases last. */
  phase: [rank: number, n: string];
  /** Absent post-release sorts before any post-release. */
  post?: string;
  /** Absent dev-release sorts after any dev-release. */
  dev?: string;
  local?: string[];
}

// clean() joins local segments with `,` (pep440 4.2.4 prints the array); `.` is accepted too.
const NORMALISED =
  /^(?:(\d+)!)?(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?(?:\+([a-z0-9.,]+))?$/;
const PRE_RANK: Record<string, number> = { a: 1, b: 2, rc: 3 };
const DEV_ONLY = 0;
const FINAL = 4;

function parsePep440(version: string): Pep440 | undefined {
  const m = NORMALISED.exec(clean(version) ?? '');
  if (!m) return undefined;
  const [, epoch = '0', release = '', preLabel, preN = '0', post, dev, local] = m;
  const parts = release.split('.');
  while (parts.length > 1 && parts.at(-1) === '0') parts.pop();
  const rank = preLabel ? PRE_RANK[preLabel]! : post === undefined && dev !== undefined ? DEV_ONLY : FINAL;
  return { epoch, release: parts, phase: [rank, preN], post, dev, local: local?.split(/[.,]/) };
}

function comparePep440(a: Pep440, b: Pep440): number {
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareSegments(a.release, b.release, compareDigits) ||
    a.phase[0] - b.phase[0] ||
    compareDigits(a.phase[1], b.phase[1]) ||
    compareOptional(a.post, b.post, -1) ||
    compareOptional(a.dev, b.dev, 1) ||
    compareLocal(a.local, b.local)
  );
}

/** `absent` says where a missing part sorts: -1 before every present value, 1 after. */
function compareOptional(a: string | undefined, b: string | undefined, absent: number): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? absent : -absent;
  return compareDigits(a, b);
}

/** A local label sorts after the same public version; numeric segments after alphanumeric ones. */
function compareLocal(a: string[] | undefined, b: string[] | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareSegments(a, b, (x, y) => {
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    if (xNum && yNum) return compareDigits(x, y);
    return xNum === yNum ? compareText(x, y) : xNum ? 1 : -1;
  });
}

/** Element by element; when one is a prefix of the other, the shorter sorts first. */
function compareSegments(a: string[], b: string[], cmp: (x: string, y: string) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export const pypiOrdering = defineOrdering<Pep440>({
  name: 'PEP 440',
  ecosystems: ['PyPI'],
  parse: parsePep440,
  compare: comparePep440,
});
