import type { IacValue } from '../../../model.js';
import { EvaluationError, numberToString, toBool, toNum, toStr } from '../values.js';
import { jsonEncode } from './encoding.js';

const VERB = /%(?:\[(\d+)\])?([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

function pad(s: string, flags: string, width: string | undefined): string {
  const w = width ? Number(width) : 0;
  if (s.length >= w) return s;
  if (flags.includes('-')) return s.padEnd(w);
  if (flags.includes('0') && /^[-+]?\d/.test(s)) {
    const sign = /^[-+]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(w - sign.length, '0');
  }
  return s.padStart(w);
}

function signed(n: number, s: string, flags: string): string {
  if (n >= 0 && flags.includes('+')) return `+${s}`;
  if (n >= 0 && flags.includes(' ')) return ` ${s}`;
  return s;
}

function verb(v: IacValue, kind: string, flags: string, precision: string | undefined): string {
  switch (kind) {
    case 'v':
      if (flags.includes('#') || (typeof v === 'object' && v !== null)) return jsonEncode(v);
      return v === null ? 'null' : toStr(v);
    case 's':
      return precision === undefined ? toStr(v) : [...toStr(v)].slice(0, Number(precision)).join('');
    case 'q':
      return JSON.stringify(toStr(v));
    case 't':
      return String(toBool(v));
    case 'd': {
      const n = toNum(v);
      if (!Number.isInteger(n)) throw new EvaluationError(`format: %d needs an integer, got ${n}`);
      return signed(n, numberToString(n), flags);
    }
    case 'f':
    case 'F': {
      const n = toNum(v);
      return signed(n, n.toFixed(precision === undefined ? 6 : Number(precision)), flags);
    }
    case 'e':
    case 'E': {
      const n = toNum(v);
      const s = n
        .toExponential(precision === undefined ? 6 : Number(precision))
        .replace(/e([-+])(\d)$/, 'e$10$2');
      return signed(n, kind === 'E' ? s.toUpperCase() : s, flags);
    }
    case 'g':
    case 'G':
      return signed(toNum(v), numberToString(toNum(v)), flags);
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      const n = toNum(v);
      const s = Math.trunc(n).toString(kind === 'b' ? 2 : kind === 'o' ? 8 : 16);
      return kind === 'X' ? s.toUpperCase() : s;
    }
    default:
      throw new EvaluationError(`format: unsupported verb %${kind}`);
  }
}

/** Terraform's `format`: printf verbs %v %s %q %t %d %f %e %g %b %o %x, widths, flags and `%[n]` indexes. */
export function format(spec: string, args: readonly IacValue[]): string {
  let next = 0;
  return spec.replace(VERB, (_m, idx: string | undefined, flags: string, width, precision, kind: string) => {
    if (kind === '%') return '%';
    const i = idx !== undefined ? Number(idx) - 1 : next;
    next = i + 1;
    if (i < 0 || i >= args.length) throw new EvaluationError(`format: not enough arguments for ${spec}`);
    return pad(verb(args[i]!, kind, flags, precision), flags, width);
  });
}
