/** Token kinds of the HCL native syntax. Punctuation kinds are the punctuation itself. */
export type TokenType =
  | 'ident'
  | 'number'
  | 'newline'
  | 'eof'
  /** The lexer stopped: `value` is the message. */
  | 'error'
  /** Opening and closing `"` of a quoted template. */
  | 'oquote'
  | 'cquote'
  /** `<<EOT` / `<<-EOT` and its newline: `value` is the marker, `flush` tells the `-` form. */
  | 'heredoc'
  | 'heredocEnd'
  /** Literal text of a template, escapes already decoded. */
  | 'lit'
  /** `${` and `%{` (`strip` for `${~`), and the `}` / `~}` that closes them. */
  | '${'
  | '%{'
  | 'tplEnd'
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | '='
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '&&'
  | '||'
  | '!'
  | '?'
  | ':'
  | '::'
  | ','
  | '.'
  | '...'
  | '=>';

/** One token. A class with every field always set, so all tokens share one shape (lexing is hot). */
export class Token {
  constructor(
    readonly type: TokenType,
    /** Offsets into the source text, end exclusive. */
    readonly start: number,
    readonly end: number,
    /** 1-based line and column of the first character. */
    readonly line: number,
    readonly col: number,
    /** Line of the last character. */
    readonly endLine: number,
    /** Identifier name, decoded literal text, heredoc marker, error message. */
    readonly value: string | undefined = undefined,
    /** `${~` / `%{~` / `~}`: strip the adjacent literal's whitespace. */
    readonly strip = false,
    /** `<<-` heredoc. */
    readonly flush = false,
  ) {}
}
