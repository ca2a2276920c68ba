import { type IacValue, isUnknown } from '../../../model.js';
import {
  deepEqual,
  EvaluationError,
  groupInto,
  hasKey,
  hasUnknown,
  newObject,
  toBool,
  toList,
  toNum,
  toObject,
  toSet,
  toStr,
  valueKey,
} from '../values.js';
import type { FunctionTable } from './function.js';

/** Lists beyond this size are not built (`range(1e9)`): the result is Unknown. */
const MAX_BUILT = 100_000;

function flatten(list: readonly IacValue[], out: IacValue[], depth: number): boolean {
  if (depth > 64) throw new EvaluationError('flatten: lists nested too deep');
  for (const x of list) {
    if (isUnknown(x) || out.length > MAX_BUILT) return false;
    if (Array.isArray(x)) {
      if (!flatten(x, out, depth + 1)) return false;
    } else out.push(x);
  }
  return true;
}

function range(args: IacValue[]): IacValue | undefined {
  const n = args.map((a) => toNum(a, 'a range() argument'));
  const [start, end, step] =
    n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? (n[0]! <= n[1]! ? 1 : -1)];
  if (step === 0) throw new EvaluationError('range: step must not be zero');
  if (Math.abs((end - start) / step) > MAX_BUILT) return undefined;
  const out: number[] = [];
  for (let x = start; step > 0 ? x < end : x > end; x += step) out.push(x);
  return out;
}

/** The elements of the first list that `keep` accepts given how many other lists hold each. */
function setOp(args: IacValue[], keep: (inOthers: number, others: number) => boolean): IacValue {
  const lists = args.map((a) => toList(a, 'a set argument'));
  const counts = new Map<string, number>();
  for (const list of lists.slice(1))
    for (const k of new Set(list.map(valueKey))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return toSet(lists[0]!.filter((x) => keep(counts.get(valueKey(x)) ?? 0, lists.length - 1)));
}

const includes = (list: readonly IacValue[], x: IacValue) => list.some((y) => deepEqual(x, y));

export const COLLECTION_FUNCTIONS: FunctionTable = {
  length: {
    arity: [1, 1],
    elements: true,
    fn: ([v]) => {
      if (typeof v === 'string') return [...v].length;
      if (Array.isArray(v)) return v.length;
      return Object.keys(toObject(v!, 'the length() argument')).length;
    },
  },
  keys: {
    arity: [1, 1],
    elements: true,
    fn: ([v]) => Object.keys(toObject(v!, 'the keys() argument')).sort(),
  },
  values: {
    arity: [1, 1],
    elements: true,
    fn: ([v]) => {
      const o = toObject(v!, 'the values() argument');
      return Object.keys(o)
        .sort()
        .map((k) => o[k]!);
    },
  },
  merge: {
    arity: [0, Number.POSITIVE_INFINITY],
    elements: true,
    fn: (args) => {
      const out = newObject();
      for (const a of args) if (a !== null) Object.assign(out, toObject(a, 'a merge() argument'));
      return out;
    },
  },
  concat: {
    arity: [0, Number.POSITIVE_INFINITY],
    elements: true,
    fn: (args) => args.flatMap((a) => toList(a, 'a concat() argument')),
  },
  lookup: {
    arity: [2, 3],
    elements: true,
    fn: ([m, k, d]) => {
      if (hasUnknown(k!)) return undefined;
      const key = toStr(k!, 'the lookup() key');
      const o = toObject(m!, 'the lookup() map');
      if (hasKey(o, key)) return o[key]!;
      if (d === undefined) throw new EvaluationError(`lookup: no key "${key}" and no default`);
      return d;
    },
  },
  element: {
    arity: [2, 2],
    elements: true,
    fn: ([l, i]) => {
      const list = toList(l!, 'the element() list');
      if (isUnknown(i!)) return undefined;
      if (list.length === 0) throw new EvaluationError('element: empty list');
      const n = Math.floor(toNum(i!, 'the element() index'));
      if (n < 0) throw new EvaluationError('element: negative index');
      return list[n % list.length]!;
    },
  },
  contains: {
    arity: [2, 2],
    elements: true,
    fn: ([l, v]) => {
      if (hasUnknown(v!)) return undefined;
      const list = Array.isArray(l) ? l : Object.values(toObject(l!, 'the contains() collection'));
      if (includes(list, v!)) return true;
      return list.some(hasUnknown) ? undefined : false;
    },
  },
  flatten: {
    arity: [1, 1],
    elements: true,
    fn: ([l]) => {
      const out: IacValue[] = [];
      return flatten(toList(l!, 'the flatten() argument'), out, 0) ? out : undefined;
    },
  },
  distinct: {
    arity: [1, 1],
    fn: ([l]) => {
      const seen = new Set<string>();
      return toList(l!, 'the distinct() argument').filter((x) => {
        const k = valueKey(x);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    },
  },
  coalesce: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: (args) => {
      const v = args.find((a) => a !== null && a !== '');
      if (v === undefined) throw new EvaluationError('coalesce: no non-null, non-empty argument');
      return v;
    },
  },
  coalescelist: {
    arity: [1, Number.POSITIVE_INFINITY],
    elements: true,
    fn: (args) => {
      for (const a of args) {
        if (isUnknown(a)) return undefined;
        if (toList(a, 'a coalescelist() argument').length > 0) return a;
      }
      throw new EvaluationError('coalescelist: every list is empty');
    },
  },
  compact: {
    arity: [1, 1],
    fn: ([l]) => toList(l!, 'the compact() argument').filter((x) => x !== null && x !== ''),
  },
  index: {
    arity: [2, 2],
    fn: ([l, v]) => {
      const i = toList(l!, 'the index() list').findIndex((x) => deepEqual(x, v!));
      if (i < 0) throw new EvaluationError('index: value not in the list');
      return i;
    },
  },
  one: {
    arity: [1, 1],
    elements: true,
    fn: ([l]) => {
      const list = toList(l!, 'the one() argument');
      if (list.length > 1) throw new EvaluationError('one: more than one element');
      return list[0] ?? null;
    },
  },
  range: { arity: [1, 3], fn: range },
  reverse: {
    arity: [1, 1],
    elements: true,
    fn: ([l]) => [...toList(l!, 'the reverse() argument')].reverse(),
  },
  slice: {
    arity: [3, 3],
    elements: true,
    fn: ([l, a, b]) => {
      if (isUnknown(a!) || isUnknown(b!)) return undefined;
      const list = toList(l!, 'the slice() list');
      const [from, to] = [toNum(a!, 'the slice() start'), toNum(b!, 'the slice() end')];
      if (from < 0 || to > list.length || from > to) throw new EvaluationError('slice: indexes out of range');
      return list.slice(from, to);
    },
  },
  sort: {
    arity: [1, 1],
    fn: ([l]) =>
      toList(l!, 'the sort() argument')
        .map((x) => toStr(x, 'a sort() element'))
        .sort(),
  },
  sum: {
    arity: [1, 1],
    fn: ([l]) => {
      const list = toList(l!, 'the sum() argument');
      if (list.length === 0) throw new EvaluationError('sum: empty list');
      return list.reduce<number>((a, x) => a + toNum(x, 'a sum() element'), 0);
    },
  },
  zipmap: {
    arity: [2, 2],
    elements: true,
    fn: ([k, v]) => {
      if (hasUnknown(k!)) return undefined;
      const keys = toList(k!, 'the zipmap() keys');
      const values = toList(v!, 'the zipmap() values');
      if (keys.length !== values.length)
        throw new EvaluationError('zipmap: keys and values differ in length');
      const out = newObject();
      keys.forEach((key, i) => {
        out[toStr(key, 'a zipmap() key')] = values[i]!;
      });
      return out;
    },
  },
  chunklist: {
    arity: [2, 2],
    elements: true,
    fn: ([l, n]) => {
      if (isUnknown(n!)) return undefined;
      const list = toList(l!, 'the chunklist() list');
      const size = toNum(n!, 'the chunklist() size');
      if (size < 0) throw new EvaluationError('chunklist: negative size');
      if (size === 0) return [list];
      const out: IacValue[] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    },
  },
  setunion: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: (args) => toSet(args.flatMap((a) => toList(a, 'a setunion() argument'))),
  },
  setintersection: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: (args) => setOp(args, (inOthers, others) => inOthers === others),
  },
  setsubtract: { arity: [2, 2], fn: (args) => setOp(args, (inOthers) => inOthers === 0) },
  alltrue: { arity: [1, 1], fn: ([l]) => toList(l!, 'the alltrue() argument').every((x) => toBool(x)) },
  anytrue: { arity: [1, 1], fn: ([l]) => toList(l!, 'the anytrue() argument').some((x) => toBool(x)) },
  transpose: {
    arity: [1, 1],
    fn: ([m]) => {
      const out = newObject();
      const o = toObject(m!, 'the transpose() argument');
      for (const k of Object.keys(o).sort())
        for (const v of toList(o[k]!, 'a transpose() value')) {
          const key = toStr(v, 'a transpose() element');
          groupInto(out, key, k);
        }
      return out;
    },
  },
};
