import type { Span } from './ast.js';
import type { Lexer } from './lexer.js';
import type { Token, TokenType } from './token.js';

/** Deeper nesting than this is refused with a diagnostic rather than risking the call stack. */
export const MAX_DEPTH = 128;

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
  }
}

/** How a token reads in an error message. */
export function describe(t: Token): string {
  switch (t.type) {
    case 'ident':
      return `"${t.value}"`;
    case 'number':
      return `number ${t.value}`;
    case 'newline':
      return 'a newline';
    case 'eof':
      return 'the end of the file';
    case 'oquote':
      return 'a string';
    case 'heredoc':
      return 'a heredoc';
    case 'lit':
      return 'template text';
    case 'tplEnd':
      return 'the end of a template sequence';
    default:
      return `"${t.type}"`;
  }
}

/**
 * Token access for the parser. Newlines end attributes and separate object items, but are
 * whitespace inside parentheses, brackets and template sequences: a stack says which applies.
 */
export class TokenStream {
  /** Tokens read ahead of the parser; `ahead[0]` is the current one. */
  private readonly ahead: Token[] = [];
  /** The last token consumed: where the node being built ends. */
  protected last: Token;
  private readonly newlines: boolean[] = [true];
  private depth = 0;

  constructor(private readonly lexer: Lexer) {
    this.last = this.at(0);
  }

  /** The token `k` places ahead, as written (no newline skipping). */
  protected at(k: number): Token {
    while (this.ahead.length <= k) this.ahead.push(this.lexer.next());
    return this.ahead[k]!;
  }

  peek(): Token {
    if (!this.newlines[this.newlines.length - 1]) this.skipNewlines();
    const t = this.at(0);
    if (t.type === 'error') throw new HclSyntaxError(t.value!, t.line, t.col);
    return t;
  }

  next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.ahead.shift();
    this.last = t;
    return t;
  }

  protected skipNewlines(): void {
    while (this.at(0).type === 'newline') this.ahead.shift();
  }

  /** Drops the next `n` tokens. */
  protected drop(n: number): void {
    this.ahead.splice(0, n);
  }

  protected expect(type: TokenType, what: string): Token {
    const t = this.peek();
    if (t.type !== type) this.fail(t, `expected ${what}, found ${describe(t)}`);
    return this.next();
  }

  protected isKeyword(t: Token, word: string): boolean {
    return t.type === 'ident' && t.value === word;
  }

  protected fail(t: Token, message: string): never {
    throw new HclSyntaxError(message, t.line, t.col);
  }

  /** Runs `f` with newlines significant (bodies, objects) or not (parentheses, brackets). */
  protected withNewlines<T>(significant: boolean, f: () => T): T {
    this.newlines.push(significant);
    try {
      return f();
    } finally {
      this.newlines.pop();
    }
  }

  /** Counts one level of nesting around `f`; too deep is a syntax error, not a stack overflow. */
  protected nested<T>(at: Token, f: () => T): T {
    this.enter(at);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  /** One level deeper (pair with `leave`): the closure-free form of `nested` for the hottest path. */
  protected enter(at: Token): void {
    if (++this.depth > MAX_DEPTH) this.fail(at, `nesting deeper than ${MAX_DEPTH} levels`);
  }

  protected leave(): void {
    this.depth--;
  }

  /**
   * `o` with the span from `start` (a token or a node) to the last token consumed, set in
   * place: spreading a span into each node literal is several times slower, and nodes are many.
   */
  protected node<T extends object>(o: T, start: Token | Span): T & Span {
    const n = o as T & Span;
    n.line = start.line;
    n.col = start.col;
    n.start = start.start;
    n.end = this.last.end;
    n.endLine = this.last.endLine;
    return n;
  }
}
