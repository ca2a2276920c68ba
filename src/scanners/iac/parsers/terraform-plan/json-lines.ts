import type { IacObject, IacValue } from '../../model.js';

/** Where an object or array of a JSON document is, and the line of each of its keys or items. */
export interface Where {
  line: number;
  endLine: number;
  lines: Map<string | number, number>;
}

export interface JsonWithLines {
  value: IacValue;
  /** Lines of every object and array in `value`. */
  where: WeakMap<object, Where>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 512;

/**
 * A JSON parser that remembers lines (plans are large: JSON.parse speed matters, and the
 * `yaml` package's JSON reading is several times slower). Objects have no prototype.
 */
export function parseJsonWithLines(text: string): JsonWithLines {
  const r = new Reader(text);
  const value = r.value(0);
  r.space();
  if (r.pos < text.length) r.fail('unexpected content after the JSON value');
  return { value, where: r.where };
}

class Reader {
  pos = 0;
  line = 1;
  readonly where = new WeakMap<object, Where>();

  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.line);
  }

  space(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 10) this.line++;
      else if (c !== 32 && c !== 9 && c !== 13) return;
      this.pos++;
    }
  }

  value(depth: number): IacValue {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    this.space();
    const t = this.text;
    const c = t[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (t.startsWith('true', this.pos)) return this.word(4, true);
    if (t.startsWith('false', this.pos)) return this.word(5, false);
    if (t.startsWith('null', this.pos)) return this.word(4, null);
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
    m.lastIndex = this.pos;
    if (m.exec(t) && m.lastIndex > this.pos) {
      const n = Number(t.slice(this.pos, m.lastIndex));
      this.pos = m.lastIndex;
      return n;
    }
    return this.fail(
      this.pos >= t.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(c)}`,
    );
  }

  private word<T>(length: number, v: T): T {
    this.pos += length;
    return v;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (Number.isNaN(c) || c === 10) this.fail('unterminated string');
      if (c === 92) {
        escaped = true;
        p++;
      }
      p++;
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start + 1, p);
    try {
      return JSON.parse(t.slice(start, p + 1)) as string;
    } catch {
      return this.fail('invalid escape in string');
    }
  }

  private object(depth: number): IacObject {
    const out = Object.create(null) as IacObject;
    const w: Where = { line: this.line, endLine: this.line, lines: new Map() };
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') this.pos++;
    else
      for (;;) {
        this.space();
        if (this.text[this.pos] !== '"') this.fail('expected a string key');
        const line = this.line;
        const key = this.string();
        this.space();
        if (this.text[this.pos] !== ':') this.fail('expected ":" after a key');
        this.pos++;
        out[key] = this.value(depth + 1);
        w.lines.set(key, line);
        if (this.separator('}')) break;
      }
    w.endLine = this.line;
    this.where.set(out, w);
    return out;
  }

  private array(depth: number): IacValue[] {
    const out: IacValue[] = [];
    const w: Where = { line: this.line, endLine: this.line, lines: new Map() };
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') this.pos++;
    else
      for (;;) {
        this.space();
        w.lines.set(out.length, this.line);
        out.push(this.value(depth + 1));
        if (this.separator(']')) break;
      }
    w.endLine = this.line;
    this.where.set(out, w);
    return out;
  }

  /** After an item: true at the closing bracket (consumed), false after a comma. */
  private separator(close: string): boolean {
    this.space();
    const c = this.text[this.pos];
    this.pos++;
    if (c === close) return true;
    if (c === ',') return false;
    return this.fail(c === undefined ? 'unexpected end of file' : `expected "," or "${close}"`);
  }
}
