import type { Escape } from './dockerfile-lexer.js';

/**
 * Word splitting, quote removal and variable substitution as the Dockerfile builder does them
 * for ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME and WORKDIR.
 */

/** The variable is certainly not set (a global-scope name nobody declared): it expands to ''. */
export const UNSET = Symbol('unset');
/** Set or not, its value is only known at build time (`--build-arg`, the base image's ENV). */
export const UNKNOWN = Symbol('unknown');
export type VarValue = string | typeof UNSET | typeof UNKNOWN;
export type Scope = (name: string) => VarValue;

export interface RawWord {
  text: string;
  start: number;
  end: number;
}

/** Splits on unquoted whitespace; quotes and escapes stay in the words. */
export function splitWords(text: string, esc: Escape): RawWord[] {
  const out: RawWord[] = [];
  let start = -1;
  let quote = '';
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const blank = c === undefined || (!quote && /\s/.test(c));
    if (blank) {
      if (start >= 0) out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === esc && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === esc) i++;
  }
  return out;
}

export interface Expanded {
  value: string;
  /** Names whose value is not known; their references are kept as written. */
  unresolved: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Index of the `}` closing the `${` that starts at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

class Expander {
  value = '';
  readonly unresolved: string[] = [];

  constructor(
    private readonly scope: Scope,
    private readonly esc: Escape,
  ) {}

  /** Expands `text` (quotes removed) into `this.value`. */
  run(text: string): this {
    let quote = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quote === "'") {
        if (c === "'") quote = '';
        else this.value += c;
      } else if (c === this.esc && i + 1 < text.length) {
        const next = text[++i]!;
        // In double quotes only the characters the quotes make special lose their escape.
        if (quote === '"' && !['"', '$', this.esc].includes(next)) this.value += c;
        this.value += next;
      } else if (c === '"') quote = quote ? '' : '"';
      else if (c === "'" && !quote) quote = "'";
      else if (c === '$') i = this.variable(text, i);
      else this.value += c;
    }
    return this;
  }

  /** Expands the reference at `i`; returns the index of its last character. */
  private variable(text: string, i: number): number {
    if (text[i + 1] === '{') {
      const close = closingBrace(text, i);
      if (close < 0) {
        this.value += text.slice(i);
        return text.length;
      }
      this.braced(text.slice(i, close + 1));
      return close;
    }
    const name = NAME.exec(text.slice(i + 1, i + 65))?.[0];
    if (!name) {
      this.value += '$';
      return i;
    }
    this.substitute(name, `$${name}`);
    return i + name.length;
  }

  private substitute(name: string, written: string): void {
    const v = this.scope(name);
    if (typeof v === 'string') this.value += v;
    else if (v === UNKNOWN) this.keep(name, written);
  }

  private keep(name: string, written: string): void {
    this.value += written;
    if (!this.unresolved.includes(name)) this.unresolved.push(name);
  }

  /** `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`. */
  private braced(written: string): void {
    const inner = written.slice(2, -1);
    const name = NAME.exec(inner)?.[0];
    if (!name) {
      this.value += written;
      return;
    }
    const op = /^(:?[-+])?/.exec(inner.slice(name.length))![0];
    const word = inner.slice(name.length + op.length);
    const v = this.scope(name);
    // Pattern operators (`${X#p}`, `${X/a/b}`) are not evaluated: kept like an unknown value.
    if (op === '' && word === '') this.substitute(name, written);
    else if (op === '' || v === UNKNOWN) this.keep(name, written);
    else this.modified(op, word, v);
  }

  /** `:-`, `-`, `:+`, `+` on a variable whose value (or absence) is known. */
  private modified(op: string, word: string, v: string | typeof UNSET): void {
    const set = typeof v === 'string' && (v !== '' || !op.startsWith(':'));
    const useWord = op.endsWith('-') ? !set : set;
    if (op.endsWith('-') && set) this.value += v as string;
    else if (useWord) this.nested(word);
  }

  private nested(word: string): void {
    const sub = new Expander(this.scope, this.esc).run(word);
    this.value += sub.value;
    for (const n of sub.unresolved) if (!this.unresolved.includes(n)) this.unresolved.push(n);
  }
}

/** Removes quotes and expands variables in one word (or a whole value, spaces kept). */
export function expandWord(text: string, scope: Scope, esc: Escape): Expanded {
  const e = new Expander(scope, esc).run(text);
  return { value: e.value, unresolved: e.unresolved };
}
