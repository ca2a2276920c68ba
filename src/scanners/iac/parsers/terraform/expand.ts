import { type IacValue, isUnknown } from '../../model.js';
import type { Block } from '../hcl/index.js';
import { evaluateAttribute } from './evaluate.js';
import { attributeOf } from './module.js';
import type { Scope } from './scope.js';
import { hasUnknown, isObject, newObject, toSet, unknownOf } from './values.js';

/** Instances of one resource or module call beyond this are dropped with a diagnostic. */
export const MAX_INSTANCES = 1000;

/** One instance of a block: its key in the address (`[0]`, `["a"]`) and `count`/`each` for its expressions. */
export interface Instance {
  key?: number | string;
  vars?: ReadonlyMap<string, IacValue>;
}

/**
 * The (key, value) pairs a `for_each` iterates: a map by key in lexical order; a list by index
 * (dynamic blocks) or, for resources and modules (`asSet`), as a set of strings keyed by
 * themselves. Undefined when not statically known.
 */
export function expansionItems(coll: IacValue, asSet: boolean): [number | string, IacValue][] | undefined {
  if (isUnknown(coll)) return undefined;
  if (coll === null) return [];
  if (Array.isArray(coll)) {
    if (!asSet) return coll.map((v, i) => [i, v]);
    if (hasUnknown(coll) || !coll.every((k) => typeof k === 'string')) return undefined;
    return (toSet(coll) as string[]).map((k) => [k, k]);
  }
  if (isObject(coll))
    return Object.keys(coll)
      .sort()
      .map((k) => [k, coll[k]!]);
  return undefined;
}

const vars = (name: string, entries: [string, IacValue][]) => {
  const o = newObject();
  for (const [k, v] of entries) o[k] = v;
  return new Map([[name, o as IacValue]]);
};

/**
 * The instances `count` or `for_each` make. Not statically known: one instance without a key
 * whose `count.index` / `each.*` are Unknown (the resource is still checked).
 */
export function instancesOf(block: Block, scope: Scope, onLimit: (wanted: number) => void): Instance[] {
  const count = attributeOf(block.body, 'count');
  if (count) {
    const raw = evaluateAttribute(count.expr, scope);
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
      return [{ vars: vars('count', [['index', unknownOf('count.index', [n])]]) }];
    const wanted = Math.floor(n);
    if (wanted > MAX_INSTANCES) onLimit(wanted);
    return Array.from({ length: Math.min(wanted, MAX_INSTANCES) }, (_x, i) => ({
      key: i,
      vars: vars('count', [['index', i]]),
    }));
  }
  const forEach = attributeOf(block.body, 'for_each');
  if (!forEach) return [{}];
  const coll = evaluateAttribute(forEach.expr, scope);
  const items = expansionItems(coll, true);
  if (!items)
    return [
      {
        vars: vars('each', [
          ['key', unknownOf('each.key', [coll])],
          ['value', unknownOf('each.value', [coll])],
        ]),
      },
    ];
  if (items.length > MAX_INSTANCES) onLimit(items.length);
  return items.slice(0, MAX_INSTANCES).map(([key, value]) => ({
    key,
    vars: vars('each', [
      ['key', key],
      ['value', value],
    ]),
  }));
}

/** `[0]` or `["a"]`: an instance key as Terraform writes it in addresses. */
export const keySuffix = (key: number | string | undefined): string =>
  key === undefined ? '' : typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
