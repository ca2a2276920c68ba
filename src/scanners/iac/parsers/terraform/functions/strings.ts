import type { IacValue } from '../../../model.js';
import { EvaluationError, toList, toNum, toStr } from '../values.js';
import { format } from './format.js';
import type { FunctionTable } from './function.js';

/** Subjects longer than this are not matched against a configuration's regular expression. */
const MAX_REGEX_SUBJECT = 10_000;

/**
 * Whether a repeated group holds a quantifier or an alternation (`(a+)+`, `(a|a)*`): RE2 runs
 * those in linear time, a backtracking engine in exponential time.
 */
function backtracks(pattern: string): boolean {
  const groups: boolean[] = [];
  let inner = false;
  const p = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '(') {
      groups.push(inner);
      inner = false;
    } else if (c === ')') {
      const repeated = /[*+{]/.test(p[i + 1] ?? '');
      if (repeated && inner) return true;
      inner = (groups.pop() ?? false) || inner || repeated;
    } else if (c === '*' || c === '+' || c === '{' || c === '|') inner = true;
  }
  return false;
}

/**
 * A Terraform (RE2) regular expression as a JavaScript one, or undefined when it cannot be
 * run safely (a hostile repository could hang the scan): the result is then Unknown.
 */
function toRegExp(pattern: string, subject: string, global: boolean): RegExp | undefined {
  if (subject.length > MAX_REGEX_SUBJECT || backtracks(pattern)) return undefined;
  let flags = global ? 'gu' : 'u';
  let p = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(p);
  if (lead) {
    flags += lead[1]!.replace(/U/g, '');
    p = p.slice(lead[0].length);
  }
  p = p
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  try {
    return new RegExp(p, flags);
  } catch {
    throw new EvaluationError(`invalid regular expression ${pattern}`);
  }
}

function regexResult(m: RegExpExecArray): IacValue {
  if (m.groups) return Object.assign(Object.create(null), m.groups) as IacValue;
  if (m.length > 1) return m.slice(1).map((g) => g ?? '');
  return m[0];
}

function replace(s: string, search: string, repl: string): IacValue | undefined {
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    const re = toRegExp(search.slice(1, -1), s, true);
    // RE2 writes groups as $1 or ${1}, as JavaScript does; `$$` is a literal dollar in both.
    return re ? s.replace(re, repl) : undefined;
  }
  return s.split(search).join(repl);
}

function substr(s: string, offset: number, length: number): string {
  const chars = [...s];
  let from = offset < 0 ? chars.length + offset : offset;
  from = Math.max(0, Math.min(from, chars.length));
  const to = length < 0 ? chars.length : Math.min(chars.length, from + length);
  return chars.slice(from, to).join('');
}

const str = (f: (s: string) => IacValue) => ({
  arity: [1, 1] as const,
  fn: ([s]: IacValue[]) => f(toStr(s!)),
});
const str2 = (f: (a: string, b: string) => IacValue) => ({
  arity: [2, 2] as const,
  fn: ([a, b]: IacValue[]) => f(toStr(a!), toStr(b!)),
});

export const STRING_FUNCTIONS: FunctionTable = {
  lower: str((s) => s.toLowerCase()),
  upper: str((s) => s.toUpperCase()),
  title: str((s) =>
    s.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()),
  ),
  trimspace: str((s) => s.trim()),
  chomp: str((s) => s.replace(/(\r?\n)+$/, '')),
  strrev: str((s) => [...s].reverse().join('')),
  trimprefix: str2((s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: str2((s, p) => (p && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  trim: str2((s, cut) => {
    const set = new Set(cut);
    const chars = [...s];
    let a = 0;
    let b = chars.length;
    while (a < b && set.has(chars[a]!)) a++;
    while (b > a && set.has(chars[b - 1]!)) b--;
    return chars.slice(a, b).join('');
  }),
  startswith: str2((s, p) => s.startsWith(p)),
  endswith: str2((s, p) => s.endsWith(p)),
  strcontains: str2((s, p) => s.includes(p)),
  split: str2((sep, s) => (s === '' ? [] : s.split(sep))),
  join: {
    arity: [2, Number.POSITIVE_INFINITY],
    fn: ([sep, ...lists]) =>
      lists
        .flatMap((l) => toList(l, 'a join() list'))
        .map((x) => toStr(x, 'a join() element'))
        .join(toStr(sep!)),
  },
  replace: { arity: [3, 3], fn: ([s, a, b]) => replace(toStr(s!), toStr(a!), toStr(b!)) },
  substr: { arity: [3, 3], fn: ([s, o, l]) => substr(toStr(s!), toNum(o!), toNum(l!)) },
  indent: {
    arity: [2, 2],
    fn: ([n, s]) => toStr(s!).replace(/\n/g, `\n${' '.repeat(Math.max(0, Math.min(1000, toNum(n!))))}`),
  },
  format: { arity: [1, Number.POSITIVE_INFINITY], fn: ([spec, ...args]) => format(toStr(spec!), args) },
  formatlist: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: ([spec, ...args]) => {
      const lengths = args.filter(Array.isArray).map((a) => a.length);
      if (new Set(lengths).size > 1) throw new EvaluationError('formatlist: lists of different lengths');
      const n = lengths[0] ?? 1;
      return Array.from({ length: n }, (_x, i) =>
        format(
          toStr(spec!),
          args.map((a) => (Array.isArray(a) ? a[i]! : a)),
        ),
      );
    },
  },
  regex: {
    arity: [2, 2],
    fn: ([p, s]) => {
      const subject = toStr(s!);
      const re = toRegExp(toStr(p!), subject, false);
      if (!re) return undefined;
      const m = re.exec(subject);
      if (!m) throw new EvaluationError('regex: no match');
      return regexResult(m);
    },
  },
  regexall: {
    arity: [2, 2],
    fn: ([p, s]) => {
      const subject = toStr(s!);
      const re = toRegExp(toStr(p!), subject, true);
      return re ? [...subject.matchAll(re)].map(regexResult) : undefined;
    },
  },
  basename: str((s) => s.replace(/\/+$/, '').split('/').pop() || (s.startsWith('/') ? '/' : '.')),
  dirname: str((s) => {
    const i = s.replace(/\/+$/, '').lastIndexOf('/');
    return i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i);
  }),
};
