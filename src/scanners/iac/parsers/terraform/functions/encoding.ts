import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { type IacValue, isUnknown } from '../../../model.js';
import { EvaluationError, isObject, newObject, toStr } from '../values.js';
import type { FunctionTable } from './function.js';

/** Values encoded as JSON or YAML beyond this many nodes are not built (shared values multiply). */
const MAX_ENCODED = 1_000_000;

/** jsonencode: keys in lexical order and `<`, `>`, `&` escaped, as Terraform writes JSON. */
export function jsonEncode(v: IacValue): string {
  return JSON.stringify(sortedForJson(v, 0, { left: MAX_ENCODED })).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function sortedForJson(v: IacValue, depth: number, budget: { left: number }): unknown {
  if (depth > 256) throw new EvaluationError('jsonencode: value nested too deep');
  if (--budget.left < 0) throw new EvaluationError('jsonencode: value too large');
  if (isUnknown(v)) throw new EvaluationError('jsonencode: unknown value');
  if (Array.isArray(v)) return v.map((x) => sortedForJson(x, depth + 1, budget));
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort())
    Object.defineProperty(out, k, { value: sortedForJson(v[k]!, depth + 1, budget), enumerable: true });
  return out;
}

/** Decoded JSON/YAML as values: objects without a prototype, no `undefined`. */
function fromData(v: unknown, depth: number): IacValue {
  if (depth > 256) throw new EvaluationError('decoded document nested too deep');
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => fromData(x, depth + 1));
  if (typeof v === 'object') {
    const out = newObject();
    for (const [k, x] of Object.entries(v)) out[k] = fromData(x, depth + 1);
    return out;
  }
  throw new EvaluationError(`cannot represent a ${typeof v}`);
}

function jsonDecode(s: string): IacValue {
  try {
    return fromData(JSON.parse(s), 0);
  } catch (e) {
    throw new EvaluationError(`jsondecode: ${e instanceof Error ? e.message : e}`);
  }
}

function yamlDecode(s: string): IacValue {
  try {
    return fromData(parseYaml(s, { maxAliasCount: 100, prettyErrors: false }), 0);
  } catch (e) {
    throw new EvaluationError(`yamldecode: ${e instanceof Error ? e.message : e}`);
  }
}

const hash = (algo: string, enc: 'hex' | 'base64') => (s: IacValue) =>
  createHash(algo).update(toStr(s), 'utf8').digest(enc);

/** Go's url.QueryEscape: letters, digits and `-_.~` kept, space as `+`. */
const queryEscape = (s: string) =>
  Array.from(Buffer.from(s, 'utf8'))
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      return c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

function base64Decode(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
    throw new EvaluationError('base64decode: invalid base64');
  const buf = Buffer.from(s, 'base64');
  const text = buf.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(buf))
    throw new EvaluationError('base64decode: the result is not UTF-8');
  return text;
}

export const ENCODING_FUNCTIONS: FunctionTable = {
  jsonencode: { arity: [1, 1], fn: ([v]) => jsonEncode(v!) },
  jsondecode: { arity: [1, 1], fn: ([s]) => jsonDecode(toStr(s!)) },
  yamlencode: {
    arity: [1, 1],
    fn: ([v]) =>
      stringifyYaml(sortedForJson(v!, 0, { left: MAX_ENCODED }), { sortMapEntries: true, lineWidth: 0 }),
  },
  yamldecode: { arity: [1, 1], fn: ([s]) => yamlDecode(toStr(s!)) },
  base64encode: { arity: [1, 1], fn: ([s]) => Buffer.from(toStr(s!), 'utf8').toString('base64') },
  base64decode: { arity: [1, 1], fn: ([s]) => base64Decode(toStr(s!)) },
  urlencode: { arity: [1, 1], fn: ([s]) => queryEscape(toStr(s!)) },
  md5: { arity: [1, 1], fn: ([s]) => hash('md5', 'hex')(s!) },
  sha1: { arity: [1, 1], fn: ([s]) => hash('sha1', 'hex')(s!) },
  sha256: { arity: [1, 1], fn: ([s]) => hash('sha256', 'hex')(s!) },
  sha512: { arity: [1, 1], fn: ([s]) => hash('sha512', 'hex')(s!) },
  base64sha256: { arity: [1, 1], fn: ([s]) => hash('sha256', 'base64')(s!) },
  base64sha512: { arity: [1, 1], fn: ([s]) => hash('sha512', 'base64')(s!) },
};
