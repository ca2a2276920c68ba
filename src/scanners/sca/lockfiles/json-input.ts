import { LockfileError } from './parser.js';

/** A parsed JSON/YAML object: read only through the helpers below, never through its prototype. */
export type JsonObject = Record<string, unknown>;

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** V8's message without the quoted excerpt of the input (binary garbage, or a secret, in an error message). */
function reason(e: SyntaxError): string {
  return e.message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
}

/**
 * Parses JSON text (a leading byte-order mark allowed). Errors become `LockfileError`s with
 * the line. V8's parser is iterative, so deeply nested input cannot overflow the stack here;
 * callers that walk nested values keep their own depth limit.
 */
export function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new LockfileError('the file is empty');
  try {
    return JSON.parse(body);
  } catch (e) {
    const at = /at position (\d+)/.exec((e as Error).message);
    const line = at ? lineAt(body, Number(at[1])) : undefined;
    throw new LockfileError(`not valid JSON: ${reason(e as SyntaxError)}`, line);
  }
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property (never one inherited from Object.prototype such as `constructor`). */
export function field(obj: unknown, key: string): unknown {
  return isObject(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** An own property that is an object, or undefined. */
export function objectField(obj: unknown, key: string): JsonObject | undefined {
  const v = field(obj, key);
  return isObject(v) ? v : undefined;
}

/** An own property as a string; YAML numbers (`version: 8`) are given back as text. */
export function stringField(obj: unknown, key: string): string | undefined {
  const v = field(obj, key);
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

export function isTrue(obj: unknown, key: string): boolean {
  return field(obj, key) === true;
}

/** The string values of a `{ name: range }` map, skipping anything else. */
export function stringMap(v: unknown): [string, string][] {
  if (!isObject(v)) return [];
  const out: [string, string][] = [];
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out.push([k, x]);
  return out;
}

/** The top level of a lockfile, which must be an object (or empty, giving an empty object). */
export function topLevelObject(v: unknown): JsonObject {
  if (v === null || v === undefined) return {};
  if (!isObject(v)) throw new LockfileError(`expected an object at the top level, found ${describe(v)}`);
  return v;
}

export function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Removes the commas before `}` and `]` that bun.lock writes, leaving strings alone. Only
 * commas go, never newlines, so JSON.parse's line numbers still point into the file. A comma
 * with no value before it (`[,]`, `[1,,]`) stays, and JSON.parse rejects it.
 */
export function stripTrailingCommas(text: string): string {
  const out: string[] = [];
  let segment = 0;
  let comma = -1;
  let previous = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (c === 0x22) inString = true;
    else if (c === 0x2c) comma = previous === 0x2c || previous === 0x5b || previous === 0x7b ? -1 : i;
    else if ((c === 0x7d || c === 0x5d) && comma !== -1 && previous === 0x2c) {
      out.push(text.slice(segment, comma));
      segment = comma + 1;
    }
    previous = c;
  }
  out.push(text.slice(segment));
  return out.join('');
}
