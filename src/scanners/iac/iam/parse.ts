import { type IacObject, type IacValue, isUnknown, type KeyPath } from '../model.js';
import type { ConditionTest, Field, Item, Policy, Principal, PrincipalEntry, Statement } from './policy.js';

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

/**
 * A string whose value is known. Terraform may leave `${...}` in a JSON string it could not
 * resolve; such a string is as unknown as a reference.
 */
export const knownString = (v: IacValue | undefined): string | null =>
  typeof v === 'string' && !v.includes('${') ? v : null;

/** A policy element written as one string or a list of strings. */
export function parseField(v: IacValue | undefined, at: KeyPath): Field | undefined {
  if (v === undefined || v === null) return undefined;
  const items: Item[] = Array.isArray(v)
    ? v.map((x, i) => ({ value: knownString(x), at: [...at, i] }))
    : [{ value: knownString(v), at }];
  return { items, at };
}

function parsePrincipal(v: IacValue | undefined, at: KeyPath): Principal | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) return { entries: [{ type: '*', value: knownString(v), at }], at };
  const entries: PrincipalEntry[] = [];
  for (const [type, ids] of Object.entries(v))
    for (const item of parseField(ids, [...at, type])?.items ?? []) entries.push({ type, ...item });
  return { entries, at };
}

/** `{Operator: {key: value | [values]}}`; anything not statically known makes the whole block unknown. */
function parseConditions(v: IacValue | undefined): ConditionTest[] | null {
  if (v === undefined || v === null) return [];
  if (!isObject(v)) return null;
  const out: ConditionTest[] = [];
  for (const [operator, tests] of Object.entries(v)) {
    if (!isObject(tests)) return null;
    for (const [key, raw] of Object.entries(tests)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((x) =>
        typeof x === 'boolean' || typeof x === 'number' ? String(x) : knownString(x),
      );
      out.push({ operator, key, values });
    }
  }
  return out;
}

export function parseEffect(v: IacValue | undefined): Statement['effect'] {
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  return s === 'allow' ? 'Allow' : s === 'deny' ? 'Deny' : null;
}

function parseStatement(v: IacObject, index: number, at: KeyPath): Statement {
  const field = (k: string) => parseField(v[k], [...at, k]);
  const principal = (k: string) => parsePrincipal(v[k], [...at, k]);
  const s: Statement = {
    index,
    effect: parseEffect(v.Effect),
    action: field('Action'),
    notAction: field('NotAction'),
    resource: field('Resource'),
    notResource: field('NotResource'),
    principal: principal('Principal'),
    notPrincipal: principal('NotPrincipal'),
    conditions: parseConditions(v.Condition),
    at,
  };
  if (typeof v.Sid === 'string' && v.Sid !== '') s.sid = v.Sid;
  return s;
}

/**
 * A JSON policy document (`{Version, Statement}`) found at `at` in a resource value. Statement
 * may be one object or a list; statements that are not statically known are left out.
 */
export function parsePolicy(doc: IacValue | undefined, at: KeyPath): Policy {
  const raw = isObject(doc) ? doc.Statement : undefined;
  const base = [...at, 'Statement'];
  const list: [IacValue, KeyPath][] = Array.isArray(raw)
    ? raw.map((s, i) => [s, [...base, i]])
    : raw === undefined
      ? []
      : [[raw, base]];
  return {
    statements: list.flatMap(([s, path], index) => (isObject(s) ? [parseStatement(s, index, path)] : [])),
  };
}
