import type { IacValue } from '../../../model.js';
import { EvaluationError, toNum, toStr } from '../values.js';
import type { FunctionTable } from './function.js';

const num = (f: (n: number) => IacValue) => ({
  arity: [1, 1] as const,
  fn: ([n]: IacValue[]) => f(toNum(n!)),
});

function parseIntBase(s: string, base: number): number {
  if (!Number.isInteger(base) || base < 2 || base > 62)
    throw new EvaluationError('parseint: base must be 2 to 62');
  const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const m = /^([-+]?)(.+)$/.exec(s);
  if (!m) throw new EvaluationError(`parseint: cannot parse "${s}"`);
  let n = 0;
  for (const c of m[2]!) {
    const d = digits.indexOf(base <= 36 ? c.toLowerCase() : c);
    if (d < 0 || d >= base) throw new EvaluationError(`parseint: cannot parse "${s}" in base ${base}`);
    n = n * base + d;
  }
  return m[1] === '-' ? -n : n;
}

export const NUMERIC_FUNCTIONS: FunctionTable = {
  abs: num(Math.abs),
  ceil: num(Math.ceil),
  floor: num(Math.floor),
  signum: num(Math.sign),
  log: { arity: [2, 2], fn: ([n, b]) => Math.log(toNum(n!)) / Math.log(toNum(b!)) },
  pow: { arity: [2, 2], fn: ([n, p]) => toNum(n!) ** toNum(p!) },
  max: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: (args) => Math.max(...args.map((a) => toNum(a, 'a max() argument'))),
  },
  min: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: (args) => Math.min(...args.map((a) => toNum(a, 'a min() argument'))),
  },
  parseint: { arity: [2, 2], fn: ([s, b]) => parseIntBase(toStr(s!), toNum(b!)) },
};
