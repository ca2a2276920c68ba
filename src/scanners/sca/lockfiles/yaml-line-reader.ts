import { InvalidYaml, OutsideSubset } from './yaml-errors.js';

/** Flow collections nest no deeper than this in anything a package manager writes. */
export const MAX_DEPTH = 64;

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A scalar or flow collection read from one line, and where reading stopped. */
interface Read {
  value: unknown;
  end: number;
}

/** Reads the scalars and one-line flow collections of one line of the YAML subset. */
export class LineReader {
  constructor(
    readonly s: string,
    readonly no: number,
  ) {}

  outside(what: string): never {
    throw new OutsideSubset(what, this.no);
  }

  skipSpaces(pos: number): number {
    while (this.s.charCodeAt(pos) === 32) pos++;
    return pos;
  }

  doubleQuoted(start: number): Read {
    let out = '';
    let i = start + 1;
    for (;;) {
      const close = this.s.indexOf('"', i);
      const slash = this.s.indexOf('\\', i);
      if (close === -1) this.outside('a double-quoted scalar over several lines');
      if (slash === -1 || close < slash) return { value: out + this.s.slice(i, close), end: close + 1 };
      out += this.s.slice(i, slash);
      i = this.escape(slash + 1, (text) => {
        out += text;
      });
    }
  }

  /** Reads the escape after a backslash at `i`; returns where the string continues. */
  escape(i: number, emit: (text: string) => void): number {
    const c = this.s[i];
    if (c === undefined) this.outside('a double-quoted scalar over several lines');
    const simple = ESCAPES[c];
    if (simple !== undefined) {
      emit(simple);
      return i + 1;
    }
    const len = HEX_ESCAPES[c];
    const hex = len ? this.s.slice(i + 1, i + 1 + len) : '';
    if (!len || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.outside(`the escape \\${c}`);
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.outside(`the escape \\${c}${hex}`);
    emit(String.fromCodePoint(code));
    return i + 1 + len;
  }

  singleQuoted(start: number): Read {
    let out = '';
    let i = start + 1;
    for (;;) {
      const q = this.s.indexOf("'", i);
      if (q === -1) this.outside('a single-quoted scalar over several lines');
      out += this.s.slice(i, q);
      if (this.s[q + 1] !== "'") return { value: out, end: q + 1 };
      out += "'";
      i = q + 2;
    }
  }

  /** A flow collection (`{a: b, c: [d]}`) that must close on this line. */
  flow(start: number, depth: number): Read {
    if (depth > MAX_DEPTH) throw new InvalidYaml(`nested deeper than ${MAX_DEPTH} levels`, this.no);
    const isMap = this.s[start] === '{';
    const close = isMap ? '}' : ']';
    const out: unknown[] | Record<string, unknown> = isMap ? {} : [];
    let pos = this.skipSpaces(start + 1);
    while (this.s[pos] !== close) {
      if (pos >= this.s.length) this.outside('a flow collection over several lines');
      const item = this.flowItem(pos, depth);
      if (isMap) {
        if (this.s[item.end] !== ':') this.outside('a flow mapping entry without a value');
        if (typeof item.value !== 'string') this.outside('a non-text flow mapping key');
        const value = this.flowItem(this.skipSpaces(item.end + 1), depth);
        setKey(out as Record<string, unknown>, item.value, value.value);
        pos = value.end;
      } else {
        (out as unknown[]).push(item.value);
        pos = item.end;
      }
      if (this.s[pos] === ',') pos = this.skipSpaces(pos + 1);
      else if (this.s[pos] !== close) this.outside('an unexpected character in a flow collection');
    }
    return { value: out, end: pos + 1 };
  }

  /** One value inside a flow collection; `end` is after any trailing spaces. */
  flowItem(pos: number, depth: number): Read {
    const c = this.s[pos];
    let r: Read;
    if (c === '{' || c === '[') r = this.flow(pos, depth + 1);
    else if (c === '"') r = this.doubleQuoted(pos);
    else if (c === "'") r = this.singleQuoted(pos);
    else r = this.flowPlain(pos);
    return { value: r.value, end: this.skipSpaces(r.end) };
  }

  /** A plain scalar in a flow collection ends at `,`, a closing bracket, or `: `. */
  flowPlain(pos: number): Read {
    const start = pos;
    for (; pos < this.s.length; pos++) {
      const c = this.s[pos];
      if (c === ',' || c === '}' || c === ']' || c === '[' || c === '{') break;
      if (c === ':' && /[ ,}\]]/.test(this.s[pos + 1] ?? ' ')) break;
      if (c === '#' && this.s[pos - 1] === ' ') this.outside('a comment inside a flow collection');
    }
    const text = this.s.slice(start, pos).trimEnd();
    if (text === '') this.outside('an empty flow entry');
    return { value: plainScalar(text), end: pos };
  }

  /** After a value: only spaces and a comment may follow on the line. */
  expectEnd(pos: number): void {
    const rest = this.s.slice(pos).trimStart();
    if (rest !== '' && !rest.startsWith('#')) this.outside('text after a value');
  }

  /** A whole value after `key:` or `- `. */
  value(pos: number): unknown {
    const c = this.s[pos];
    if (c === '"' || c === "'" || c === '{' || c === '[') {
      const r = c === '"' ? this.doubleQuoted(pos) : c === "'" ? this.singleQuoted(pos) : this.flow(pos, 0);
      this.expectEnd(r.end);
      return r.value;
    }
    if (c !== undefined && '&*!|>%@`'.includes(c)) this.outside(`a value starting with "${c}"`);
    if (c === '-' && (pos === this.s.length - 1 || this.s[pos + 1] === ' '))
      this.outside('a sequence on the same line as its key');
    const hash = this.s.indexOf(' #', pos);
    const text = hash === -1 ? this.s.slice(pos) : this.s.slice(pos, hash).trimEnd();
    if (text.includes(': ') || text.endsWith(':')) this.outside('a mapping on the same line as its key');
    return plainScalar(text);
  }

  /** `key: rest`: the key and where the rest of the line starts. */
  key(): { key: string; rest: number } {
    const c = this.s[0];
    let key: string;
    let end: number;
    if (c === '"' || c === "'") {
      const r = c === '"' ? this.doubleQuoted(0) : this.singleQuoted(0);
      key = r.value as string;
      end = this.skipSpaces(r.end);
      if (this.s[end] !== ':') this.outside('a quoted scalar where a key was expected');
    } else {
      if (c !== undefined && '?&*!|>%@`{['.includes(c)) this.outside(`a key starting with "${c}"`);
      end = this.s.indexOf(': ');
      if (end === -1 && this.s.endsWith(':')) end = this.s.length - 1;
      if (end <= 0) this.outside('a line that is neither a key nor a list item');
      key = this.s.slice(0, end).trimEnd();
    }
    const after = this.s[end + 1];
    if (after !== undefined && after !== ' ') this.outside('a key not followed by a space');
    return { key, rest: this.skipSpaces(end + 1) };
  }
}

/**
 * Plain objects (fast in V8, unlike null-prototype ones); a `__proto__` key becomes an own
 * property instead of replacing the prototype.
 */
export function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core schema, as the general library resolves plain scalars. */
function plainScalar(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most lockfile scalars start with a letter that cannot begin a null, boolean or number.
  if (
    text === '' ||
    c === 0x7e /* ~ */ ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  ) {
    if (NULLS.has(text)) return null;
    if (TRUES.has(text)) return true;
    if (FALSES.has(text)) return false;
    return text;
  }
  const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
  return numeric ? numberOrText(text) : text;
}

function numberOrText(text: string): unknown {
  if (INT.test(text) || FLOAT.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return text;
}
