import { LockfileError } from './parser.js';

/**
 * One block of a yarn v1 lockfile, with the fields the parser uses:
 *
 *     "a@^1.0.0", a@~1.2.0:
 *       version "1.2.3"
 *       dependencies:
 *         b "^2.0.0"
 */
export interface YarnV1Entry {
  line: number;
  descriptors: string[];
  version?: string;
  resolved?: string;
  integrity?: string;
  /** `dependencies` and `optionalDependencies`: name -> range. */
  dependencies: [string, string][];
}

const DEPENDENCY_MAPS = new Set(['dependencies', 'optionalDependencies']);

/** A string token: JSON-style double-quoted, or bare up to a space, comma or end. */
function token(s: string, pos: number, line: number, stopAtComma: boolean): { text: string; end: number } {
  if (s.charCodeAt(pos) === 0x22) {
    let i = pos + 1;
    let escaped = false;
    while (i < s.length && s.charCodeAt(i) !== 0x22) {
      if (s.charCodeAt(i) === 0x5c) {
        escaped = true;
        i++;
      }
      i++;
    }
    if (i >= s.length) throw new LockfileError('unterminated quoted string', line);
    if (!escaped) return { text: s.slice(pos + 1, i), end: i + 1 };
    try {
      return { text: JSON.parse(s.slice(pos, i + 1)) as string, end: i + 1 };
    } catch {
      throw new LockfileError('invalid escape in a quoted string', line);
    }
  }
  let i = pos;
  while (i < s.length && s.charCodeAt(i) !== 0x20 && !(stopAtComma && s.charCodeAt(i) === 0x2c)) i++;
  return { text: s.slice(pos, i), end: i };
}

/** `"a@^1", a@~1.2:` -> the descriptors. */
function header(content: string, line: number): string[] {
  if (!content.endsWith(':')) throw new LockfileError('expected a package header ending with ":"', line);
  const s = content.slice(0, -1);
  const out: string[] = [];
  let pos = 0;
  while (pos < s.length) {
    const t = token(s, pos, line, true);
    if (t.text === '') throw new LockfileError('empty package descriptor', line);
    out.push(t.text);
    pos = t.end;
    while (s[pos] === ' ') pos++;
    if (pos < s.length && s[pos] !== ',')
      throw new LockfileError('expected "," between package descriptors', line);
    pos++;
    while (s[pos] === ' ') pos++;
  }
  return out;
}

/** `key value`, `key: value` or `key:` (a nested map follows). */
function keyValue(content: string, line: number): { key: string; value: string | undefined } {
  const k = token(content, 0, line, false);
  let pos = k.end;
  let key = k.text;
  if (content.charCodeAt(0) !== 0x22 && key.endsWith(':')) key = key.slice(0, -1);
  else if (content[pos] === ':') pos++;
  while (content[pos] === ' ') pos++;
  if (pos >= content.length) return { key, value: undefined };
  const v = token(content, pos, line, false);
  if (v.end < content.length) throw new LockfileError('unexpected text after a value', line);
  return { key, value: v.text };
}

interface Cursor {
  entry: YarnV1Entry | undefined;
  fieldIndent: number;
  /** Inside a nested map: whether it is one of the dependency maps. */
  map: 'dependencies' | 'other' | undefined;
}

function setField(entry: YarnV1Entry, key: string, value: string): void {
  if (key === 'version') entry.version = value;
  else if (key === 'resolved') entry.resolved = value;
  else if (key === 'integrity') entry.integrity = value;
}

function bodyLine(cur: Cursor, indent: number, content: string, line: number): void {
  if (!cur.entry) throw new LockfileError('indented line before any package header', line);
  if (cur.fieldIndent === 0) cur.fieldIndent = indent;
  if (indent > cur.fieldIndent) {
    if (!cur.map) throw new LockfileError('unexpected indentation', line);
    const { key, value } = keyValue(content, line);
    // Deeper levels (dependenciesMeta options) carry nothing this parser reads.
    if (value !== undefined && cur.map === 'dependencies') cur.entry.dependencies.push([key, value]);
    return;
  }
  if (indent < cur.fieldIndent) throw new LockfileError('inconsistent indentation', line);
  const { key, value } = keyValue(content, line);
  if (value === undefined) cur.map = DEPENDENCY_MAPS.has(key) ? 'dependencies' : 'other';
  else {
    cur.map = undefined;
    setField(cur.entry, key, value);
  }
}

/** Spaces before the content, or -1 for a blank line; tabs are not yarn's indentation. */
function indentOf(s: string, start: number, end: number, line: number): number {
  let i = start;
  while (i < end && s.charCodeAt(i) === 32) i++;
  if (i === end || s.charCodeAt(i) === 13) return -1;
  if (s.charCodeAt(i) === 9) throw new LockfileError('tab in indentation', line);
  return i - start;
}

/** Reads the blocks of a yarn v1 lockfile; malformed lines are `LockfileError`s with their line. */
export function readYarnV1(input: string): YarnV1Entry[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const entries: YarnV1Entry[] = [];
  const cur: Cursor = { entry: undefined, fieldIndent: 0, map: undefined };
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    line++;
    const indent = indentOf(text, start, end, line);
    if (indent >= 0 && text.charCodeAt(start + indent) !== 35 /* # */) {
      const content = text.slice(start + indent, end).trimEnd();
      if (indent > 0) bodyLine(cur, indent, content, line);
      else {
        cur.entry = { line, descriptors: header(content, line), dependencies: [] };
        cur.fieldIndent = 0;
        cur.map = undefined;
        entries.push(cur.entry);
      }
    }
    start = end + 1;
  }
  return entries;
}
