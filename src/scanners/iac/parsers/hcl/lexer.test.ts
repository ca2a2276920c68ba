import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';

/** Token types, with values where they carry one: compact enough to compare whole streams. */
const types = (text: string) =>
  lex(text).map((t) => {
    const v =
      t.type === 'ident' || t.type === 'number' || t.type === 'lit' || t.type === 'error'
        ? `:${t.value}`
        : '';
    const strip = t.strip ? '~' : '';
    return `${t.type}${strip}${v}`;
  });

describe('HCL lexer', () => {
  it('reads identifiers with dashes and unicode, and numbers with fractions and exponents', () => {
    expect(types('a-b_c2 é名 1 1.5 2e10 3.25E-2 4e+1')).toEqual([
      'ident:a-b_c2',
      'ident:é名',
      'number:1',
      'number:1.5',
      'number:2e10',
      'number:3.25E-2',
      'number:4e+1',
      'eof',
    ]);
  });

  it('does not take a dot without digits, or an exponent without digits, into a number', () => {
    expect(types('a.0.b 1.x 2e')).toEqual([
      'ident:a',
      '.',
      'number:0',
      '.',
      'ident:b',
      'number:1',
      '.',
      'ident:x',
      'number:2',
      'ident:e',
      'eof',
    ]);
  });

  it('reads every operator, longest first', () => {
    expect(types('== != <= >= => ... :: && || ! < > = + - * / % ? : , . ( ) [ ] { }')).toEqual([
      '==',
      '!=',
      '<=',
      '>=',
      '=>',
      '...',
      '::',
      '&&',
      '||',
      '!',
      '<',
      '>',
      '=',
      '+',
      '-',
      '*',
      '/',
      '%',
      '?',
      ':',
      ',',
      '.',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      'eof',
    ]);
  });

  it('treats comments of the three kinds as whitespace, line comments ending the line', () => {
    expect(types('a # one\nb // two\nc /* three\nlines */ d')).toEqual([
      'ident:a',
      'newline',
      'ident:b',
      'newline',
      'ident:c',
      'ident:d',
      'eof',
    ]);
  });

  it('counts lines through block comments and CRLF line ends', () => {
    const toks = lex('a /* x\r\ny */\r\nb');
    expect(toks.map((t) => [t.type, t.line])).toEqual([
      ['ident', 1],
      ['newline', 2],
      ['ident', 3],
      ['eof', 3],
    ]);
  });

  it('decodes string escapes', () => {
    expect(types(String.raw`"a\n\t\"\\\u00e9\U0001F600"`)).toEqual([
      'oquote',
      'lit:a\n\t"\\é😀',
      'cquote',
      'eof',
    ]);
  });

  it('keeps $${ and %%{ as literal text', () => {
    expect(types('"$${a} %%{b} $ %"')).toEqual(['oquote', 'lit:${a} %{b} $ %', 'cquote', 'eof']);
  });

  it('switches between template and code for interpolations and directives, with strip markers', () => {
    expect(types('"x${~ a }y%{ if b ~}z%{~endif}"')).toEqual([
      'oquote',
      'lit:x',
      '${~',
      'ident:a',
      'tplEnd',
      'lit:y',
      '%{',
      'ident:if',
      'ident:b',
      'tplEnd~',
      'lit:z',
      '%{~',
      'ident:endif',
      'tplEnd',
      'cquote',
      'eof',
    ]);
  });

  it('nests strings inside interpolations inside strings, braces included', () => {
    expect(types('"${a ? "x" : "${ {k = b}.k }"}"')).toEqual([
      'oquote',
      '${',
      'ident:a',
      '?',
      'oquote',
      'lit:x',
      'cquote',
      ':',
      'oquote',
      '${',
      '{',
      'ident:k',
      '=',
      'ident:b',
      '}',
      '.',
      'ident:k',
      'tplEnd',
      'cquote',
      'tplEnd',
      'cquote',
      'eof',
    ]);
  });

  it('reads a heredoc line by line up to its marker', () => {
    expect(types('x = <<EOT\nhello ${name}\n  EOT-not\nEOT\ny = 1')).toEqual([
      'ident:x',
      '=',
      'heredoc',
      'lit:hello ',
      '${',
      'ident:name',
      'tplEnd',
      'lit:\n',
      'lit:  EOT-not\n',
      'heredocEnd',
      'newline',
      'ident:y',
      '=',
      'number:1',
      'eof',
    ]);
  });

  it('accepts an indented closing marker, CRLF lines and a marker at the end of the file', () => {
    const toks = lex('x = <<-EOT\r\n  a\r\n  EOT');
    expect(toks.map((t) => t.type)).toEqual(['ident', '=', 'heredoc', 'lit', 'heredocEnd', 'eof']);
    expect(toks[2]!.flush).toBe(true);
    expect(toks[3]!.value).toBe('  a\n');
  });

  it('ends with an error token on unterminated strings, heredocs, comments and interpolations', () => {
    expect(types('"abc').at(-2)).toMatch(/^error:unterminated string/);
    expect(types('"abc\n"').at(-2)).toMatch(/^error:unterminated string: a quoted string cannot span lines/);
    expect(types('x = <<EOT\nabc\n').at(-2)).toMatch(/^error:unterminated heredoc/);
    expect(types('a /* b').at(-2)).toMatch(/^error:unterminated comment/);
    expect(types('"${a').at(-2)).toMatch(/^error:unexpected end of file inside a template/);
    expect(types('x = <<EOT').at(-2)).toMatch(/^error:invalid heredoc/);
  });

  it('rejects invalid escapes and characters', () => {
    expect(types(String.raw`"\q"`).at(-2)).toMatch(/^error:invalid escape sequence \\q/);
    expect(types(String.raw`"\u12"`).at(-2)).toMatch(/^error:invalid unicode escape/);
    expect(types('a = `b`').at(-2)).toBe('error:invalid character "`"');
    expect(types('a = \u0001').at(-2)).toBe('error:invalid character U+0001');
    expect(types('a ~ b').at(-2)).toMatch(/^error:invalid character "~"/);
  });

  it('gives positions: line, column and end line', () => {
    const [a, , b] = lex('ab = "x"\n  c');
    expect(a).toMatchObject({ line: 1, col: 1, start: 0, end: 2 });
    const c = lex('ab = "x"\n  c').find((t) => t.value === 'c');
    expect(c).toMatchObject({ line: 2, col: 3 });
    expect(b!.type).toBe('oquote');
  });

  it('ends every stream with a single eof', () => {
    for (const text of ['', '\n\n', 'a', '"', '${', '}}}', '\u0000\u0001'])
      expect(lex(text).filter((t) => t.type === 'eof')).toHaveLength(1);
  });
});
