import {
  type IacObject,
  type IacValue,
  isUnknown,
  type Key,
  type KeyPath,
  type Positions,
} from '../model.js';

/**
 * Compose's merge rules (used by `extends`), on values that remember where in the YAML
 * document each part came from, so a merged service still points at the right lines:
 * mappings merge key by key (the extending service wins), sequences append, `command`,
 * `entrypoint` and `healthcheck.test` are replaced, and `volumes` are unique by target.
 */

export type Located =
  | { origin: KeyPath; map: Map<string, Located> }
  | { origin: KeyPath; list: Located[] }
  | { origin: KeyPath; scalar: IacValue };

const isMap = (v: IacValue): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

export function locate(value: IacValue, origin: KeyPath): Located {
  if (Array.isArray(value)) return { origin, list: value.map((v, i) => locate(v, [...origin, i])) };
  if (isMap(value))
    return { origin, map: new Map(Object.entries(value).map(([k, v]) => [k, locate(v, [...origin, k])])) };
  return { origin, scalar: value };
}

const REPLACED = new Set(['command', 'entrypoint', 'test']);
/** Keys written either as a mapping or as a `KEY=value` list. */
const MAP_OR_LIST = new Set(['environment', 'labels', 'annotations', 'sysctls', 'extra_hosts']);

/** A `KEY=value` (or `KEY: value` for extra_hosts) list as a mapping, each entry keeping its origin. */
function asMap(l: Located, key: string): Map<string, Located> | undefined {
  if ('map' in l) return l.map;
  if (!('list' in l)) return undefined;
  const out = new Map<string, Located>();
  for (const item of l.list) {
    if (!('scalar' in item) || typeof item.scalar !== 'string') return undefined;
    const m = (key === 'extra_hosts' ? /^([^:=]+)[:=]?(.*)$/ : /^([^=]+)(?:=(.*))?$/s).exec(item.scalar);
    if (!m) return undefined;
    out.set(m[1]!, { origin: item.origin, scalar: m[2] ?? null });
  }
  return out;
}

/** The container path of a volume entry, short (`src:/target:ro`) or long (`target:`) syntax. */
function volumeTarget(l: Located): string | undefined {
  if ('scalar' in l && typeof l.scalar === 'string') {
    const parts = l.scalar.split(':');
    return parts.length > 1 ? parts[1] : parts[0];
  }
  const t = 'map' in l ? l.map.get('target') : undefined;
  return t && 'scalar' in t && typeof t.scalar === 'string' ? t.scalar : undefined;
}

function appendLists(key: string, base: Located[], local: Located[]): Located[] {
  const shown = (l: Located) => JSON.stringify(strip(l));
  const replaced =
    key === 'volumes'
      ? new Set(local.map(volumeTarget).filter((t) => t !== undefined))
      : new Set(local.map(shown));
  const kept = base.filter((b) => !replaced.has(key === 'volumes' ? (volumeTarget(b) ?? '') : shown(b)));
  return [...kept, ...local];
}

function mergeMaps(base: Map<string, Located>, local: Map<string, Located>): Map<string, Located> {
  const out = new Map(base);
  for (const [k, v] of local) {
    const b = base.get(k);
    out.set(k, b ? merge(k, b, v) : v);
  }
  return out;
}

/** `local` (the extending service's part) merged over `base`. */
export function merge(key: string, base: Located, local: Located): Located {
  if (REPLACED.has(key)) return local;
  if ('map' in base && 'map' in local) return { origin: local.origin, map: mergeMaps(base.map, local.map) };
  if (MAP_OR_LIST.has(key)) {
    const [b, l] = [asMap(base, key), asMap(local, key)];
    if (b && l) return { origin: local.origin, map: mergeMaps(b, l) };
  }
  if ('list' in base && 'list' in local)
    return { origin: local.origin, list: appendLists(key, base.list, local.list) };
  return local;
}

/** The plain value. */
export function strip(l: Located): IacValue {
  if ('list' in l) return l.list.map(strip);
  if ('map' in l) return Object.fromEntries([...l.map].map(([k, v]) => [k, strip(v)]));
  return l.scalar;
}

/** The plain value, recording in `out` under `at` the line of every part (`lineOf` its origin). */
export function place(l: Located, at: Key[], lineOf: (origin: KeyPath) => number, out: Positions): IacValue {
  if (at.length > 0) out.set(at, lineOf(l.origin));
  if ('list' in l) return l.list.map((v, i) => place(v, [...at, i], lineOf, out));
  if ('map' in l)
    return Object.fromEntries([...l.map].map(([k, v]) => [k, place(v, [...at, k], lineOf, out)]));
  return l.scalar;
}
