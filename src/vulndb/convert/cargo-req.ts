import { type Interval, intersect } from './intervals.js';

/**
 * Cargo version requirements (`>= 1.2.3, < 1.3`, `^0.4`, `=1.0.0`, `1.2.*`) as intervals,
 * following the Cargo book's "Specifying dependencies" rules: a bare version means `^`,
 * missing components are zero for lower bounds and widen upper bounds, and `^` treats the
 * left-most non-zero component as the compatibility boundary.
 */
const COMPARATOR =
  /^(>=|<=|>|<|=|\^|~)?\s*(\d+|[*xX])(?:\.(\d+|[*xX]))?(?:\.(\d+|[*xX]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

interface Partial {
  op: string;
  parts: number[];
  pre?: string;
}

export function parseCargoRequirement(req: string): Interval {
  const comparators = req.split(',').map((c) => c.trim());
  if (comparators.some((c) => c === '')) throw new Error(`'${req}' has an empty comparator`);
  return comparators.map(parseComparator).reduce((acc, i) => intersect(acc, i), {} as Interval);
}

function parseComparator(text: string): Interval {
  if (text === '*') return {};
  const m = COMPARATOR.exec(text);
  if (!m) throw new Error(`'${text}' is not a Cargo version requirement`);
  const raw = [m[2], m[3], m[4]].filter((p): p is string => p !== undefined);
  const wild = raw.findIndex((p) => /^[*xX]$/.test(p));
  const parts = (wild < 0 ? raw : raw.slice(0, wild)).map(Number);
  if (m[5] && parts.length < 3) throw new Error(`'${text}': a pre-release needs a full version`);
  if (parts.length === 0) return {};
  return toInterval({ op: m[1] ?? (wild >= 0 ? '=' : '^'), parts, pre: m[5] });
}

const v = (major: number, minor = 0, patch = 0, pre?: string) =>
  `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`;

/** The first version past every version that `parts` (a partial version) stands for. */
function bump(parts: number[]): string {
  const [major = 0, minor = 0] = parts;
  return parts.length === 1 ? v(major + 1) : v(major, minor + 1);
}

function toInterval({ op, parts, pre }: Partial): Interval {
  const [major = 0, minor = 0, patch = 0] = parts;
  const exact = v(major, minor, patch, pre);
  const full = parts.length === 3;
  switch (op) {
    case '>=':
      return { lower: { version: exact, inclusive: true } };
    case '>':
      return full
        ? { lower: { version: exact, inclusive: false } }
        : { lower: { version: bump(parts), inclusive: true } };
    case '<':
      return { upper: { version: exact, inclusive: false } };
    case '<=':
      return full
        ? { upper: { version: exact, inclusive: true } }
        : { upper: { version: bump(parts), inclusive: false } };
    case '=':
      return full
        ? { lower: { version: exact, inclusive: true }, upper: { version: exact, inclusive: true } }
        : { lower: { version: exact, inclusive: true }, upper: { version: bump(parts), inclusive: false } };
    case '~':
      return {
        lower: { version: exact, inclusive: true },
        upper: { version: bump(parts.slice(0, 2)), inclusive: false },
      };
    default:
      return {
        lower: { version: exact, inclusive: true },
        upper: { version: caretLimit(parts), inclusive: false },
      };
  }
}

/** `^`: compatible up to the next change of the left-most non-zero component given. */
function caretLimit(parts: number[]): string {
  const [major = 0, minor = 0, patch = 0] = parts;
  if (major > 0 || parts.length === 1) return v(major + 1);
  if (minor > 0 || parts.length === 2) return v(0, minor + 1);
  return v(0, 0, patch + 1);
}
