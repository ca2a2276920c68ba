import type { BinaryOp, Expr, ObjectItem } from './ast.js';
import { describe, TokenStream } from './stream.js';
import { applyStrip, type Directive, type FlatItem, flushIndent, nestDirectives } from './template.js';
import type { Token } from './token.js';

/** Binary operator precedence (HCL spec): higher binds tighter, all left-associative. */
const LEVEL: Partial<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

type SplatMode = 'none' | 'attr' | 'full';

/** The expression and template sub-languages. */
export class ExpressionParser extends TokenStream {
  parseExpression(): Expr {
    this.enter(this.peek());
    try {
      return this.conditional();
    } finally {
      this.leave();
    }
  }

  private conditional(): Expr {
    const cond = this.binary(1);
    if (this.peek().type !== '?') return cond;
    this.next();
    const ifTrue = this.parseExpression();
    this.skipNewlinesBefore(':');
    this.expect(':', '":" of the conditional expression');
    const ifFalse = this.parseExpression();
    return this.node({ kind: 'conditional', cond, ifTrue, ifFalse }, cond);
  }

  /** Lenient: `a ? b` on one line and `: c` on the next is accepted, as nothing else could follow. */
  private skipNewlinesBefore(type: string): void {
    let k = 0;
    while (this.at(k).type === 'newline') k++;
    if (this.at(k).type === type) this.drop(k);
  }

  private binary(minLevel: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      const level = LEVEL[op.type];
      if (level === undefined || level < minLevel) return left;
      this.next();
      const right = this.binary(level + 1);
      left = this.node({ kind: 'binary', op: op.type as BinaryOp, left, right }, left);
    }
  }

  private unary(): Expr {
    // An operand is required here, so a line break cannot end the expression: skip it.
    this.skipNewlines();
    const t = this.peek();
    if (t.type !== '-' && t.type !== '!') return this.postfix(this.primary(), 'none');
    this.next();
    const operand = this.nested(t, () => this.unary());
    return this.node({ kind: 'unary', op: t.type, operand }, t);
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return this.node({ kind: 'literal', value: Number(t.value) }, t);
      case 'ident':
        return this.identifier(t);
      case 'oquote':
        return this.template(t, 'cquote');
      case 'heredoc':
        return this.template(t, 'heredocEnd');
      case '(':
        return this.withNewlines(false, () => {
          const inner = this.parseExpression();
          this.expect(')', '")" to close the parenthesis');
          return this.node({ kind: 'paren', inner }, t) as Expr;
        });
      case '[':
        return this.withNewlines(false, () => this.tuple(t));
      case '{':
        return this.withNewlines(true, () => this.object(t));
      default:
        return this.fail(t, `expected an expression, found ${describe(t)}`);
    }
  }

  private identifier(t: Token): Expr {
    const name = t.value!;
    if (name === 'true' || name === 'false') return this.node({ kind: 'literal', value: name === 'true' }, t);
    if (name === 'null') return this.node({ kind: 'literal', value: null }, t);
    const n = this.peek();
    if (n.type === '(' || n.type === '::') return this.call(t);
    return this.node({ kind: 'variable', name }, t);
  }

  /** `f(a, b)`, `f(list...)`, `provider::aws::arn_parse(x)`. */
  private call(start: Token): Expr {
    let name = start.value!;
    while (this.peek().type === '::') {
      this.next();
      name += `::${this.expect('ident', 'a function name after "::"').value}`;
    }
    this.expect('(', `"(" after the function name ${name}`);
    return this.withNewlines(false, () => {
      const args: Expr[] = [];
      let expand = false;
      while (this.peek().type !== ')') {
        args.push(this.parseExpression());
        const sep = this.next();
        if (sep.type === ')') return this.node({ kind: 'call', name, args, expand }, start) as Expr;
        if (sep.type === '...') {
          expand = true;
          this.expect(')', '")" after the expanded argument "..."');
          return this.node({ kind: 'call', name, args, expand }, start) as Expr;
        }
        if (sep.type !== ',')
          this.fail(sep, `expected "," or ")" in the arguments of ${name}, found ${describe(sep)}`);
      }
      this.next();
      return this.node({ kind: 'call', name, args, expand }, start) as Expr;
    });
  }

  private tuple(open: Token): Expr {
    if (this.isKeyword(this.peek(), 'for')) return this.forExpr(open, ']');
    const items: Expr[] = [];
    while (this.peek().type !== ']') {
      items.push(this.parseExpression());
      const sep = this.next();
      if (sep.type === ']') return this.node({ kind: 'tuple', items }, open);
      if (sep.type !== ',') this.fail(sep, `expected "," or "]" between list items, found ${describe(sep)}`);
    }
    this.next();
    return this.node({ kind: 'tuple', items }, open);
  }

  private object(open: Token): Expr {
    this.skipNewlines();
    if (this.isKeyword(this.peek(), 'for')) return this.withNewlines(false, () => this.forExpr(open, '}'));
    const items: ObjectItem[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === '}') break;
      const keyTok = this.peek();
      const key = this.parseExpression();
      const sep = this.next();
      if (sep.type !== '=' && sep.type !== ':')
        this.fail(sep, `expected "=" or ":" after an object key, found ${describe(sep)}`);
      const value = this.parseExpression();
      items.push(this.node({ key, value }, keyTok));
      const after = this.peek();
      if (after.type === ',' || after.type === 'newline') this.next();
      else if (after.type !== '}')
        this.fail(after, `expected a comma or a newline between object items, found ${describe(after)}`);
    }
    this.next();
    return this.node({ kind: 'object', items }, open);
  }

  /** `[for k, v in coll : value if cond]` and `{for k, v in coll : key => value... if cond}`. */
  private forExpr(open: Token, close: ']' | '}'): Expr {
    this.next();
    const first = this.expect('ident', 'a variable name after "for"').value!;
    let second: string | undefined;
    if (this.peek().type === ',') {
      this.next();
      second = this.expect('ident', 'a second variable name after ","').value!;
    }
    const inTok = this.next();
    if (!this.isKeyword(inTok, 'in'))
      this.fail(inTok, `expected "in" in the for expression, found ${describe(inTok)}`);
    const collection = this.parseExpression();
    this.expect(':', '":" after the collection of the for expression');
    let key: Expr | undefined;
    let group = false;
    let value = this.parseExpression();
    if (close === '}') {
      this.expect('=>', '"=>" between the key and the value of an object for expression');
      key = value;
      value = this.parseExpression();
      if (this.peek().type === '...') {
        this.next();
        group = true;
      }
    }
    let cond: Expr | undefined;
    if (this.isKeyword(this.peek(), 'if')) {
      this.next();
      cond = this.parseExpression();
    }
    this.expect(close, `"${close}" to close the for expression`);
    const node: Extract<Expr, { kind: 'for' }> = this.node(
      { kind: 'for', valueVar: second ?? first, collection, value, group },
      open,
    );
    if (second !== undefined) node.keyVar = first;
    if (key) node.key = key;
    if (cond) node.cond = cond;
    return node;
  }

  /**
   * Attribute access, index, legacy `.0` index and splats after a term. `attr` splats take only
   * further attribute names; `full` splats take every following step.
   */
  private postfix(term: Expr, mode: SplatMode): Expr {
    let expr = term;
    for (;;) {
      const t = this.peek();
      if (t.type === '.') {
        const n = this.at(1);
        if (n.type === 'ident') {
          this.next();
          this.next();
          expr = this.node({ kind: 'getattr', target: expr, name: n.value! }, term);
        } else if (n.type === 'number' && mode !== 'attr') {
          this.next();
          this.next();
          // `a.0.1` lexes `0.1` as a number: each part is an index.
          for (const part of n.value!.split('.'))
            expr = this.node({ kind: 'index', target: expr, key: this.literalAt(n, Number(part)) }, term);
        } else if (n.type === '*' && mode !== 'attr') {
          this.next();
          this.next();
          expr = this.splat(term, expr, 'attr');
        } else if (mode === 'attr') return expr;
        else this.fail(n, `expected an attribute name after ".", found ${describe(n)}`);
      } else if (t.type === '[' && mode !== 'attr') {
        if (this.at(1).type === '*' && this.at(2).type === ']') {
          this.next();
          this.next();
          this.next();
          expr = this.splat(term, expr, 'full');
        } else {
          this.next();
          const key = this.withNewlines(false, () => this.parseExpression());
          this.expect(']', '"]" to close the index');
          expr = this.node({ kind: 'index', target: expr, key }, term);
        }
      } else return expr;
    }
  }

  private splat(term: Expr, source: Expr, mode: 'attr' | 'full'): Expr {
    const item: Expr = this.node({ kind: 'splatItem' }, this.last);
    const each = this.nested(this.last, () => this.postfix(item, mode));
    return this.node({ kind: 'splat', source, each }, term);
  }

  private literalAt(t: Token, value: number): Expr {
    return {
      kind: 'literal',
      value,
      line: t.line,
      col: t.col,
      endLine: t.endLine,
      start: t.start,
      end: t.end,
    };
  }

  /** The whole input as a template: see the `template` option of the lexer. */
  standaloneTemplate(at: Token): Expr {
    return this.template(at, 'eof');
  }

  /** A quoted template or a heredoc; a template of literal text only is a string literal. */
  private template(open: Token, close: 'cquote' | 'heredocEnd' | 'eof'): Expr {
    const items: FlatItem[] = [];
    for (;;) {
      const t = this.next();
      if (t.type === close) break;
      if (t.type === 'lit') {
        const prev = items[items.length - 1];
        if (prev?.kind === 'lit' && close === 'cquote') {
          prev.value += t.value!;
          prev.end = t.end;
        } else items.push(this.node({ kind: 'lit', value: t.value! }, t));
      } else if (t.type === '${') items.push(this.interpolation(t));
      else if (t.type === '%{') items.push(this.directive(t));
      else this.fail(t, `unexpected ${describe(t)} in a template`);
    }
    if (open.flush) flushIndent(items);
    applyStrip(items);
    const parts = nestDirectives(items);
    if (parts.every((p) => p.kind === 'lit'))
      return this.node(
        { kind: 'literal', value: parts.map((p) => (p as { value: string }).value).join('') },
        open,
      );
    return this.node({ kind: 'template', parts, heredoc: close !== 'cquote' }, open);
  }

  private interpolation(open: Token): FlatItem {
    return this.withNewlines(false, () => {
      const expr = this.parseExpression();
      const end = this.expect('tplEnd', '"}" to close the interpolation');
      return this.node({ kind: 'interp', expr, stripL: !!open.strip, stripR: !!end.strip }, open);
    });
  }

  private directive(open: Token): FlatItem {
    return this.withNewlines(false, () => {
      const word = this.next();
      let fields: Pick<Directive, 'word' | 'cond' | 'keyVar' | 'valueVar' | 'collection'>;
      if (this.isKeyword(word, 'if')) fields = { word: 'if', cond: this.parseExpression() };
      else if (this.isKeyword(word, 'for')) fields = { word: 'for', ...this.directiveFor() };
      else if (word.type === 'ident' && ['else', 'endif', 'endfor'].includes(word.value!))
        fields = { word: word.value as Directive['word'] };
      else
        return this.fail(word, `expected if, else, endif, for or endfor after "%{", found ${describe(word)}`);
      const stripR = !!this.expect('tplEnd', '"}" to close the template directive').strip;
      return this.node({ kind: 'directive' as const, stripL: !!open.strip, stripR, ...fields }, open);
    });
  }

  private directiveFor(): { keyVar?: string; valueVar: string; collection: Expr } {
    const first = this.expect('ident', 'a variable name after "for"').value!;
    let second: string | undefined;
    if (this.peek().type === ',') {
      this.next();
      second = this.expect('ident', 'a second variable name after ","').value!;
    }
    const inTok = this.next();
    if (!this.isKeyword(inTok, 'in'))
      this.fail(inTok, `expected "in" in the for directive, found ${describe(inTok)}`);
    const collection = this.parseExpression();
    return second !== undefined
      ? { keyVar: first, valueVar: second, collection }
      : { valueVar: first, collection };
  }
}
