import type { Attribute, Block, Body, Expr } from './ast.js';
import { ExpressionParser } from './expression.js';
import { Lexer } from './lexer.js';
import { describe, HclSyntaxError } from './stream.js';
import { Token } from './token.js';

export interface HclError {
  line: number;
  col: number;
  message: string;
}

export type HclParse = { body: Body; error?: undefined } | { body?: undefined; error: HclError };

/** Parses an HCL native-syntax file. Never throws: a syntax error is returned with its position. */
export function parseHcl(text: string): HclParse {
  try {
    const parser = new BodyParser(new Lexer(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text));
    return { body: parser.file() };
  } catch (e) {
    if (e instanceof HclSyntaxError) return { error: { line: e.line, col: e.col, message: e.message } };
    // A RangeError here is a stack overflow the nesting cap did not prevent: still the file's fault.
    return { error: { line: 1, col: 1, message: `cannot parse: ${e instanceof Error ? e.message : e}` } };
  }
}

/**
 * Parses `text` from offset `from` to its end as a standalone template (`a-${b}`): the
 * strings of Terraform's JSON syntax. Node offsets are offsets into `text`.
 */
export function parseTemplate(
  text: string,
  from: number,
): { expr: Expr; error?: undefined } | { expr?: undefined; error: HclError } {
  try {
    const parser = new ExpressionParser(new Lexer(text, { from, template: true }));
    return { expr: parser.standaloneTemplate(new Token('oquote', from, from, 1, 1, 1)) };
  } catch (e) {
    if (e instanceof HclSyntaxError) return { error: { line: e.line, col: e.col, message: e.message } };
    return { error: { line: 1, col: 1, message: `cannot parse: ${e instanceof Error ? e.message : e}` } };
  }
}

/** The structural language: bodies of attributes and blocks, where newlines end definitions. */
class BodyParser extends ExpressionParser {
  file(): Body {
    return this.body('eof');
  }

  /** `opened`: the `{` of the enclosing block, for the message when it is never closed. */
  private body(close: 'eof' | '}', opened?: Token): Body {
    const items: (Attribute | Block)[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.type === close) return { items };
      if (t.type === 'eof' && opened)
        this.fail(t, `unexpected end of file: the block opened on line ${opened.line} has no closing "}"`);
      if (t.type !== 'ident') {
        const hint = t.type === '}' ? ' (a "}" without its "{")' : '';
        this.fail(t, `expected an attribute or a block, found ${describe(t)}${hint}`);
      }
      this.next();
      items.push(this.peek().type === '=' ? this.attribute(t) : this.block(t));
    }
  }

  private attribute(name: Token): Attribute {
    this.next();
    const expr = this.parseExpression();
    const attr: Attribute = this.node({ kind: 'attribute', name: name.value!, expr }, name);
    this.endOfDefinition('the attribute');
    return attr;
  }

  /** After an attribute or block: a newline, the end of the file, or (one-line blocks) the closing brace. */
  private endOfDefinition(what: string): void {
    const t = this.peek();
    if (t.type === 'newline') this.next();
    else if (t.type !== 'eof' && t.type !== '}')
      this.fail(t, `expected a newline after ${what}, found ${describe(t)}`);
  }

  private block(type: Token): Block {
    const labels: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === 'ident') labels.push(this.next().value!);
      else if (t.type === 'oquote') labels.push(this.label());
      else break;
    }
    const open = this.peek();
    if (open.type !== '{')
      this.fail(
        open,
        `expected "=" or "{" after ${type.value}${labels.length ? ' and its labels' : ''}, found ${describe(open)}`,
      );
    this.next();
    const body = this.nested(open, () => this.body('}', open));
    this.next();
    const block: Block = this.node({ kind: 'block', type: type.value!, labels, body }, type);
    this.endOfDefinition('the block');
    return block;
  }

  /** A block label: a string without interpolation. */
  private label(): string {
    this.next();
    const t = this.next();
    if (t.type === 'cquote') return '';
    if (t.type !== 'lit') this.fail(t, 'a block label cannot contain template sequences (${ } or %{ })');
    this.expect('cquote', 'the end of the block label');
    return t.value!;
  }
}
