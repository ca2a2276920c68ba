import { type IacObject, type IacValue, isUnknown, Unknown } from '../../model.js';

/**
 * An expression Terraform would reject (wrong type, missing attribute, index out of range).
 * It never escapes an attribute: the attribute becomes Unknown. `try` and `can` catch it.
 */
export class EvaluationError extends Error {}

/** An object without a prototype: keys such as `__proto__` or `constructor` are plain data. */
export function newObject(): IacObject {
  return Object.create(null) as IacObject;
}

export const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

export const hasKey = (o: IacObject, k: string): boolean => Object.hasOwn(o, k);

export function typeName(v: IacValue): string {
  if (v === null) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'object' : typeof v;
}

/**
 * Answers of `hasUnknown` by collection. Values are never changed once built, and locals can
 * share one value many times over (`l2 = [local.l1, local.l1]`, doubled forty times): without
 * the memo, that is a walk of 2^40 elements.
 */
const unknownInside = new WeakMap<object, boolean>();

/** Whether an Unknown sits anywhere in `v`. */
export function hasUnknown(v: IacValue): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (isUnknown(v)) return true;
  const known = unknownInside.get(v);
  if (known !== undefined) return known;
  let found = false;
  if (Array.isArray(v)) found = v.some(hasUnknown);
  else for (const k in v) if (hasUnknown(v[k]!)) found = true;
  unknownInside.set(v, found);
  return found;
}

/** The resource addresses the Unknowns inside `values` refer to, without duplicates. */
export function refsOf(values: readonly IacValue[]): string[] {
  const out = new Set<string>();
  const seen = new Set<object>();
  const walk = (v: IacValue) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    if (isUnknown(v)) {
      for (const r of v.refs) out.add(r);
      return;
    }
    if (!hasUnknown(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach(walk);
    else for (const k in v) walk(v[k]!);
  };
  values.forEach(walk);
  return [...out];
}

const MAX_EXPR = 300;

/** An Unknown for the expression `text` that depends on `from` (values holding Unknowns) and `refs`. */
export function unknownOf(
  text: string,
  from: readonly IacValue[] = [],
  refs: readonly string[] = [],
): Unknown {
  const all = refsOf(from);
  for (const r of refs) if (!all.includes(r)) all.push(r);
  return new Unknown(text.length > MAX_EXPR ? `${text.slice(0, MAX_EXPR)}…` : text, all);
}

/** Number to string the way Terraform prints it: integers without a fraction. */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Terraform's automatic conversion to string (interpolation, string parameters). */
export function toStr(v: IacValue, what = 'value'): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new EvaluationError(`${what} must be a string, not ${typeName(v)}`);
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function toNum(v: IacValue, what = 'value'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMBER.test(v.trim())) return Number(v);
  throw new EvaluationError(
    `${what} must be a number, not ${typeName(v)}${typeof v === 'string' ? ` "${v}"` : ''}`,
  );
}

export function toBool(v: IacValue, what = 'value'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new EvaluationError(`${what} must be a bool, not ${typeName(v)}`);
}

export function toList(v: IacValue, what = 'value'): IacValue[] {
  if (Array.isArray(v)) return v;
  throw new EvaluationError(`${what} must be a list, not ${typeName(v)}`);
}

export function toObject(v: IacValue, what = 'value'): IacObject {
  if (isObject(v)) return v;
  throw new EvaluationError(`${what} must be a map or object, not ${typeName(v)}`);
}

/** Terraform equality: same type and same value, collections element by element. */
export function deepEqual(a: IacValue, b: IacValue): boolean {
  if (a === b) return true;
  // Two large values built from shared parts would take exponential time to compare.
  if (nodeCount(a) > MAX_KEYED) throw new EvaluationError('value too large to compare');
  return equal(a, b);
}

function equal(a: IacValue, b: IacValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equal(x, b[i]!));
  }
  if (isUnknown(a) || isUnknown(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => hasKey(b, k) && equal(a[k]!, b[k]!));
}

/** A collection's elements as (key, value): list indexes, or object keys in lexical order. */
export function entries(v: IacValue, what = 'collection'): [IacValue, IacValue][] {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (isObject(v))
    return Object.keys(v)
      .sort()
      .map((k) => [k, v[k]!]);
  throw new EvaluationError(`cannot iterate over ${what} of type ${typeName(v)}`);
}

const sizes = new WeakMap<object, number>();

/** How many values `v` holds, shared ones counted each time they appear (memoised: see `hasUnknown`). */
export function nodeCount(v: IacValue): number {
  if (v === null || typeof v !== 'object' || isUnknown(v)) return 1;
  const known = sizes.get(v);
  if (known !== undefined) return known;
  let n = 1;
  if (Array.isArray(v)) for (const x of v) n += nodeCount(x);
  else for (const k in v) n += nodeCount(v[k]!);
  sizes.set(v, n);
  return n;
}

/** Values compared as set elements beyond this size are refused (the expression becomes Unknown). */
const MAX_KEYED = 100_000;

const sortedKeys = (_k: string, x: unknown) =>
  isObject(x as IacValue)
    ? Object.fromEntries(
        Object.keys(x as IacObject)
          .sort()
          .map((k) => [k, (x as IacObject)[k]]),
      )
    : x;

/** A string equal for two values exactly when `deepEqual` holds: set operations in linear time. */
export function valueKey(v: IacValue): string {
  if (v === null || typeof v !== 'object') return `${typeof v}:${v}`;
  if (nodeCount(v) > MAX_KEYED) throw new EvaluationError('value too large to compare');
  return `json:${JSON.stringify(v, sortedKeys)}`;
}

/** Set semantics on a list: duplicates removed, strings in lexical order (as Terraform orders string sets). */
export function toSet(list: readonly IacValue[]): IacValue[] {
  const seen = new Set<string>();
  const out = list.filter((x) => {
    const k = valueKey(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (out.every((x) => typeof x === 'string')) (out as string[]).sort();
  return out;
}

/** Appends `value` to the list under `key`, created on first use. */
export function groupInto(obj: IacObject, key: string, value: IacValue): void {
  const list = obj[key];
  if (Array.isArray(list)) list.push(value);
  else obj[key] = [value];
}
