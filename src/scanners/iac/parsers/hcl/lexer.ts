import { Token, type TokenType } from './token.js';

/** Every token of `text`, up to and including `eof`. */
export function lex(text: string): Token[] {
  const lexer = new Lexer(text);
  const out: Token[] = [];
  for (let t = lexer.next(); ; t = lexer.next()) {
    out.push(t);
    if (t.type === 'eof') return out;
  }
}

type Frame =
  /** Expressions. `template`: opened by `${`/`%{`, closed by the `}` at brace depth 0. */
  | { kind: 'code'; braces: number; template: boolean }
  | { kind: 'quoted'; line: number }
  /** `marker` undefined: a standalone template (a string of a JSON file), ending with the text. */
  | { kind: 'heredoc'; marker: string | undefined; line: number; atLineStart: boolean };

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Operators by first character, longest first. */
const OPERATORS: Record<string, readonly TokenType[]> = {
  '=': ['=>', '==', '='],
  '!': ['!=', '!'],
  '<': ['<=', '<'],
  '>': ['>=', '>'],
  '&': ['&&'],
  '|': ['||'],
  '.': ['...', '.'],
  ':': ['::', ':'],
  '+': ['+'],
  '-': ['-'],
  '*': ['*'],
  '/': ['/'],
  '%': ['%'],
  '?': ['?'],
  ',': [','],
  '[': ['['],
  ']': [']'],
  '(': ['('],
  ')': [')'],
};

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isAsciiIdContinue = (c: number) => isAsciiIdStart(c) || isDigit(c) || c === 45;

/**
 * The HCL native-syntax lexer. Templates nest inside expressions and expressions inside
 * templates (`"${a ? "x" : "${b}"}"`), so it keeps a stack of modes: code, quoted template,
 * heredoc. Tokens are made as the parser asks for them (a whole large file of tokens kept
 * alive costs more in garbage collection than the lexing itself). It never throws: a
 * lexical error ends the stream with an `error` token, then `eof` for ever.
 */
export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** Tokens made and not yet handed out (a step makes at most two). */
  private readonly queue: Token[] = [];
  private readonly stack: Frame[] = [{ kind: 'code', braces: 0, template: false }];
  private done = false;
  private eof: Token | undefined;

  /**
   * `template`: the text from `from` on is a template (`a-${b}`), not code, as the strings of
   * Terraform's JSON syntax are. Offsets stay those of `text`.
   */
  constructor(
    private readonly text: string,
    options: { from?: number; template?: boolean } = {},
  ) {
    this.pos = options.from ?? 0;
    if (options.template)
      this.stack.push({ kind: 'heredoc', marker: undefined, line: 1, atLineStart: false });
  }

  next(): Token {
    while (this.queue.length === 0 && !this.done) {
      const frame = this.stack[this.stack.length - 1]!;
      if (frame.kind === 'code') this.code(frame);
      else if (frame.kind === 'quoted') this.quoted(frame);
      else this.heredoc(frame);
    }
    const t = this.queue.shift();
    if (t) {
      if (t.type === 'eof') this.eof = t;
      return t;
    }
    return this.eof!;
  }

  private emit(
    type: TokenType,
    start: number,
    line: number,
    col: number,
    value?: string,
    strip = false,
  ): void {
    this.queue.push(new Token(type, start, this.pos, line, col, this.line, value, strip));
  }

  private fail(message: string, line = this.line): void {
    const col = this.pos - this.lineStart + 1;
    this.queue.push(new Token('error', this.pos, this.pos, line, col, line, message));
    this.queue.push(new Token('eof', this.pos, this.pos, line, col, line));
    this.done = true;
  }

  private newlineAt(offset: number): void {
    this.line++;
    this.lineStart = offset + 1;
  }

  /** Skips spaces, tabs, a `\r` and inline comments; false on an unterminated comment. */
  private skipSpace(): boolean {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || (c === 13 && t.charCodeAt(this.pos + 1) === 10)) this.pos++;
      else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const close = t.indexOf('*/', this.pos + 2);
        if (close < 0) {
          this.fail('unterminated comment: `/*` without `*/`');
          return false;
        }
        for (let i = t.indexOf('\n', this.pos); i >= 0 && i < close; i = t.indexOf('\n', i + 1))
          this.newlineAt(i);
        this.pos = close + 2;
      } else return true;
    }
  }

  private code(frame: Extract<Frame, { kind: 'code' }>): void {
    if (!this.skipSpace()) return;
    const t = this.text;
    const start = this.pos;
    const line = this.line;
    const col = start - this.lineStart + 1;
    if (start >= t.length) {
      if (this.stack.length > 1) this.fail('unexpected end of file inside a template interpolation `${…}`');
      else {
        this.emit('eof', start, line, col);
        this.done = true;
      }
      return;
    }
    const c = t.charCodeAt(start);
    if (c === 10) {
      this.pos++;
      this.emit('newline', start, line, col);
      this.newlineAt(start);
      return;
    }
    if (c === 35 || (c === 47 && t.charCodeAt(start + 1) === 47)) {
      const nl = t.indexOf('\n', start);
      this.pos = nl < 0 ? t.length : nl;
      if (this.pos > start && t.charCodeAt(this.pos - 1) === 13) this.pos--;
      return;
    }
    if (isDigit(c)) this.number(start, line, col);
    else if (isAsciiIdStart(c) || (c > 127 && ID_START.test(String.fromCodePoint(t.codePointAt(start)!))))
      this.ident(start, line, col);
    else this.punctuation(frame, start, line, col);
  }

  private punctuation(
    frame: Extract<Frame, { kind: 'code' }>,
    start: number,
    line: number,
    col: number,
  ): void {
    const t = this.text;
    const c = t.charCodeAt(start);
    if (c === 34) {
      this.pos++;
      this.emit('oquote', start, line, col);
      this.stack.push({ kind: 'quoted', line });
      return;
    }
    if (c === 60 && t.charCodeAt(start + 1) === 60) {
      this.heredocStart(start, line, col);
      return;
    }
    if (c === 123) {
      frame.braces++;
      this.pos++;
      this.emit('{', start, line, col);
      return;
    }
    if (c === 125 || (c === 126 && t.charCodeAt(start + 1) === 125)) {
      this.closeBrace(frame, start, line, col);
      return;
    }
    for (const op of OPERATORS[t[start]!] ?? [])
      if (t.startsWith(op, start)) {
        this.pos += op.length;
        this.emit(op, start, line, col);
        return;
      }
    const cp = t.codePointAt(start)!;
    const shown =
      cp < 32 || cp === 0xfffd
        ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
        : `"${String.fromCodePoint(cp)}"`;
    this.fail(`invalid character ${shown}`);
  }

  private closeBrace(
    frame: Extract<Frame, { kind: 'code' }>,
    start: number,
    line: number,
    col: number,
  ): void {
    const strip = this.text.charCodeAt(start) === 126;
    this.pos += strip ? 2 : 1;
    if (frame.template && frame.braces === 0) {
      this.stack.pop();
      this.emit('tplEnd', start, line, col, undefined, strip);
      return;
    }
    if (strip) {
      this.pos = start;
      this.fail('invalid character "~": a strip marker only closes a template sequence');
      return;
    }
    if (frame.braces > 0) frame.braces--;
    this.emit('}', start, line, col);
  }

  private number(start: number, line: number, col: number): void {
    const t = this.text;
    let p = start;
    while (isDigit(t.charCodeAt(p))) p++;
    if (t.charCodeAt(p) === 46 && isDigit(t.charCodeAt(p + 1))) {
      p += 2;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 101 || e === 69) {
      let q = p + 1;
      const sign = t.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      if (isDigit(t.charCodeAt(q))) {
        p = q;
        while (isDigit(t.charCodeAt(p))) p++;
      }
    }
    this.pos = p;
    this.emit('number', start, line, col, t.slice(start, p));
  }

  private ident(start: number, line: number, col: number): void {
    const t = this.text;
    let p = start;
    for (;;) {
      const c = t.charCodeAt(p);
      if (isAsciiIdContinue(c)) p++;
      else if (c > 127 && p < t.length) {
        const ch = String.fromCodePoint(t.codePointAt(p)!);
        if (!ID_CONTINUE.test(ch)) break;
        p += ch.length;
      } else break;
    }
    this.pos = p;
    this.emit('ident', start, line, col, t.slice(start, p));
  }

  /** `<<EOT` or `<<-EOT`, then the end of the line. */
  private heredocStart(start: number, line: number, col: number): void {
    const t = this.text;
    const flush = t.charCodeAt(start + 2) === 45;
    let p = start + (flush ? 3 : 2);
    const idStart = p;
    while (isAsciiIdContinue(t.charCodeAt(p)) || (t.charCodeAt(p) > 127 && ID_CONTINUE.test(t[p]!))) p++;
    const marker = t.slice(idStart, p);
    if (t.charCodeAt(p) === 13) p++;
    if (!marker || t.charCodeAt(p) !== 10) {
      this.fail('invalid heredoc: `<<` must be followed by a marker name and a newline (`<<EOT`)');
      return;
    }
    this.pos = p + 1;
    this.queue.push(new Token('heredoc', start, this.pos, line, col, this.line, marker, false, flush));
    this.newlineAt(p);
    this.stack.push({ kind: 'heredoc', marker, line, atLineStart: true });
  }

  /** `${` / `%{` (with `~`) opening a template sequence at the current position, if there is one. */
  private templateOpen(): boolean {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if ((c !== 36 && c !== 37) || t.charCodeAt(this.pos + 1) !== 123) return false;
    const start = this.pos;
    const col = start - this.lineStart + 1;
    const strip = t.charCodeAt(start + 2) === 126;
    this.pos += strip ? 3 : 2;
    this.emit(c === 36 ? '${' : '%{', start, this.line, col, undefined, strip);
    this.stack.push({ kind: 'code', braces: 0, template: true });
    return true;
  }

  private quoted(frame: Extract<Frame, { kind: 'quoted' }>): void {
    const t = this.text;
    if (this.templateOpen()) return;
    const start = this.pos;
    const col = start - this.lineStart + 1;
    let value = '';
    let from = start;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c) || c === 10 || (c === 13 && t.charCodeAt(this.pos + 1) === 10)) {
        this.fail(
          Number.isNaN(c)
            ? 'unterminated string: end of file before the closing `"`'
            : 'unterminated string: a quoted string cannot span lines (use a heredoc `<<EOT`)',
          frame.line,
        );
        return;
      }
      if (c === 34 || ((c === 36 || c === 37) && t.charCodeAt(this.pos + 1) === 123)) break;
      if ((c === 36 || c === 37) && t.charCodeAt(this.pos + 1) === c && t.charCodeAt(this.pos + 2) === 123) {
        // `$${` and `%%{` are the escaped, literal `${` and `%{`.
        value += `${t.slice(from, this.pos)}${t[this.pos]}{`;
        this.pos += 3;
        from = this.pos;
        continue;
      }
      if (c === 92) {
        value += t.slice(from, this.pos);
        const decoded = this.escape();
        if (decoded === undefined) return;
        value += decoded;
        from = this.pos;
        continue;
      }
      this.pos++;
    }
    value += t.slice(from, this.pos);
    if (this.pos > start) this.emit('lit', start, this.line, col, value);
    if (t.charCodeAt(this.pos) === 34) {
      const q = this.pos++;
      this.stack.pop();
      this.emit('cquote', q, this.line, q - this.lineStart + 1);
    }
  }

  /** Decodes the escape sequence at `pos` (a backslash) and moves past it. */
  private escape(): string | undefined {
    const t = this.text;
    const sel = t[this.pos + 1] ?? '';
    if (ESCAPES[sel] !== undefined) {
      this.pos += 2;
      return ESCAPES[sel];
    }
    if (sel === 'u' || sel === 'U') {
      const n = sel === 'u' ? 4 : 8;
      const hex = t.slice(this.pos + 2, this.pos + 2 + n);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === n ? Number.parseInt(hex, 16) : -1;
      if (cp >= 0 && cp <= 0x10ffff) {
        this.pos += 2 + n;
        return String.fromCodePoint(cp);
      }
      this.fail(`invalid unicode escape \\${sel}${hex}: expected ${n} hexadecimal digits`);
      return undefined;
    }
    this.fail(
      `invalid escape sequence \\${sel}: only \\n \\r \\t \\" \\\\ \\uNNNN and \\UNNNNNNNN are allowed`,
    );
    return undefined;
  }

  private heredoc(frame: Extract<Frame, { kind: 'heredoc' }>): void {
    const t = this.text;
    if (frame.atLineStart) {
      frame.atLineStart = false;
      if (this.closingMarker(frame)) return;
    }
    if (this.pos >= t.length) {
      if (frame.marker === undefined) {
        this.emit('eof', this.pos, this.line, this.pos - this.lineStart + 1);
        this.done = true;
      } else this.fail(`unterminated heredoc: no line with the closing marker ${frame.marker}`, frame.line);
      return;
    }
    if (this.templateOpen()) return;
    const start = this.pos;
    const line = this.line;
    const col = start - this.lineStart + 1;
    let value = '';
    let from = start;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c) || ((c === 36 || c === 37) && t.charCodeAt(this.pos + 1) === 123)) break;
      if ((c === 36 || c === 37) && t.charCodeAt(this.pos + 1) === c && t.charCodeAt(this.pos + 2) === 123) {
        value += `${t.slice(from, this.pos)}${t[this.pos]}{`;
        this.pos += 3;
        from = this.pos;
        continue;
      }
      if (c === 10) {
        // Each line is its own literal, so `<<-` can find and remove the common indentation.
        const end = this.pos > from && t.charCodeAt(this.pos - 1) === 13 ? this.pos - 1 : this.pos;
        value += `${t.slice(from, end)}\n`;
        this.newlineAt(this.pos);
        this.pos++;
        frame.atLineStart = true;
        this.queue.push(new Token('lit', start, this.pos, line, col, line, value));
        return;
      }
      this.pos++;
    }
    value += t.slice(from, this.pos);
    this.emit('lit', start, line, col, value);
  }

  /** At a line start: is this line the closing marker (indented or not)? Emits `heredocEnd` if so. */
  private closingMarker(frame: Extract<Frame, { kind: 'heredoc' }>): boolean {
    if (frame.marker === undefined) return false;
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9) p++;
    if (!t.startsWith(frame.marker, p)) return false;
    const markerAt = p;
    p += frame.marker.length;
    while (t.charCodeAt(p) === 32 || t.charCodeAt(p) === 9 || t.charCodeAt(p) === 13) p++;
    if (p < t.length && t.charCodeAt(p) !== 10) return false;
    this.pos = markerAt + frame.marker.length;
    this.stack.pop();
    this.emit('heredocEnd', markerAt, this.line, markerAt - this.lineStart + 1);
    return true;
  }
}
