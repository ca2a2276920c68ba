import type { IacObject, IacValue } from '../../model.js';
import {
  type Attribute,
  type Block,
  type Body,
  type Expr,
  type HclError,
  parseTemplate,
  type Span,
} from '../hcl/index.js';
import { JsonSyntaxError, parseJsonWithLines, type Where } from '../terraform-plan/json-lines.js';

/** Terraform's JSON syntax (`.tf.json`): block types and how many labels their nesting holds. */
const BLOCKS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  provider: 1,
  variable: 1,
  output: 1,
  locals: 0,
  terraform: 0,
};

/** A JSON file as the body an HCL file would give, and the text Unknowns quote (its strings). */
export type JsonParse =
  | { body: Body; text: string; error?: undefined }
  | { body?: undefined; error: HclError };

class ConvertError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const isObj = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `.tf.json` (or, `literal`, `.tfvars.json`) into the HCL syntax tree, so the rest of the
 * loader does not know the difference. Strings are templates (`"${var.x}"`) except in tfvars
 * and variable defaults; without provider schemas, a nested block is read as an attribute
 * holding an object or a list of objects (the shape blocks have anyway), `dynamic` aside.
 */
export function parseTerraformJson(text: string, literal: boolean): JsonParse {
  try {
    const { value, where } = parseJsonWithLines(text);
    if (!isObj(value))
      return { error: { line: 1, col: 1, message: 'a Terraform JSON file must hold an object' } };
    const c = new Converter(where);
    const body = literal ? c.attributes(value, true) : c.root(value);
    return { body, text: c.src };
  } catch (e) {
    if (e instanceof JsonSyntaxError || e instanceof ConvertError)
      return { error: { line: e.line, col: 1, message: e.message } };
    return { error: { line: 1, col: 1, message: `cannot read: ${e instanceof Error ? e.message : e}` } };
  }
}

class Converter {
  /** Every string converted, one after the other: node offsets point into it. */
  src = '';

  constructor(private readonly where: WeakMap<object, Where>) {}

  private lineOf(container: object, key: string | number, fallback: number): number {
    return this.where.get(container)?.lines.get(key) ?? fallback;
  }

  private span(line: number, endLine: number, start: number, end: number): Span {
    return { line, col: 1, endLine, start, end };
  }

  root(obj: IacObject): Body {
    const items: (Attribute | Block)[] = [];
    for (const [type, v] of Object.entries(obj)) {
      const labels = BLOCKS[type];
      if (labels !== undefined) this.blocks(type, v, labels, [], this.lineOf(obj, type, 1), items);
    }
    return { items };
  }

  /** `"resource": {"aws_s3_bucket": {"logs": {…}}}`: one label per level, a list anywhere meaning several. */
  private blocks(
    type: string,
    v: IacValue,
    left: number,
    labels: string[],
    line: number,
    out: (Attribute | Block)[],
  ): void {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        this.blocks(type, item, left, labels, this.lineOf(v, i, line), out);
      });
      return;
    }
    if (!isObj(v)) throw new ConvertError(`"${type}" must be an object`, line);
    if (left > 0) {
      for (const [label, inner] of Object.entries(v))
        if (label !== '//')
          this.blocks(type, inner, left - 1, [...labels, label], this.lineOf(v, label, line), out);
      return;
    }
    const body = type === 'locals' ? this.attributes(v, false) : this.blockBody(v, type);
    const end = this.where.get(v)?.endLine ?? line;
    out.push({ kind: 'block', type, labels, body, ...this.span(line, end, 0, 0) });
  }

  /** Attributes only (locals, tfvars): `literal` strings are not templates. */
  attributes(obj: IacObject, literal: boolean): Body {
    return {
      items: Object.entries(obj)
        .filter(([k]) => k !== '//')
        .map(([k, v]) => this.attribute(obj, k, v, literal)),
    };
  }

  private attribute(obj: IacObject, name: string, v: IacValue, literal: boolean): Attribute {
    const line = this.lineOf(obj, name, 1);
    const expr = this.expr(v, line, literal);
    return { kind: 'attribute', name, expr, ...this.span(line, expr.endLine, expr.start, expr.end) };
  }

  private blockBody(obj: IacObject, type: string): Body {
    const items: (Attribute | Block)[] = [];
    for (const [k, v] of Object.entries(obj)) {
      if (k === '//') continue;
      if (k === 'dynamic' && isObj(v)) this.dynamic(v, items);
      else if (type === 'variable' && k === 'type' && typeof v === 'string' && /^\w+$/.test(v)) {
        const line = this.lineOf(obj, k, 1);
        const expr: Expr = { kind: 'variable', name: v, ...this.span(line, line, 0, 0) };
        items.push({ kind: 'attribute', name: k, expr, ...this.span(line, line, 0, 0) });
      } else items.push(this.attribute(obj, k, v, type === 'variable' && k === 'default'));
    }
    return { items };
  }

  /** `"dynamic": {"ingress": {"for_each": …, "iterator": "rule", "content": {…}}}`. */
  private dynamic(obj: IacObject, out: (Attribute | Block)[]): void {
    for (const [label, spec] of Object.entries(obj)) {
      const line = this.lineOf(obj, label, 1);
      for (const one of Array.isArray(spec) ? spec : [spec]) {
        if (!isObj(one)) throw new ConvertError(`dynamic "${label}" must be an object`, line);
        const items: (Attribute | Block)[] = [];
        for (const [k, v] of Object.entries(one)) {
          if (k === 'content' && isObj(v)) {
            const at = this.lineOf(one, k, line);
            const end = this.where.get(v)?.endLine ?? at;
            items.push({
              kind: 'block',
              type: 'content',
              labels: [],
              body: this.blockBody(v, 'content'),
              ...this.span(at, end, 0, 0),
            });
          } else if (k !== '//') items.push(this.attribute(one, k, v, k === 'iterator'));
        }
        const end = this.where.get(one)?.endLine ?? line;
        out.push({
          kind: 'block',
          type: 'dynamic',
          labels: [label],
          body: { items },
          ...this.span(line, end, 0, 0),
        });
      }
    }
  }

  private expr(v: IacValue, line: number, literal: boolean): Expr {
    if (typeof v === 'string') return literal ? this.literal(v, line) : this.template(v, line);
    if (Array.isArray(v)) {
      const start = this.src.length;
      const items = v.map((x, i) => this.expr(x, this.lineOf(v, i, line), literal));
      return {
        kind: 'tuple',
        items,
        ...this.span(line, this.where.get(v)?.endLine ?? line, start, this.src.length),
      };
    }
    if (isObj(v)) {
      const start = this.src.length;
      const items = Object.entries(v).map(([k, x]) => {
        const at = this.lineOf(v, k, line);
        const key = this.literal(k, at);
        const value = this.expr(x, at, literal);
        return { key, value, ...this.span(at, value.endLine, key.start, value.end) };
      });
      return {
        kind: 'object',
        items,
        ...this.span(line, this.where.get(v)?.endLine ?? line, start, this.src.length),
      };
    }
    return {
      kind: 'literal',
      value: v as string | number | boolean | null,
      ...this.span(line, line, this.src.length, this.src.length),
    };
  }

  /** Appends `s` to the quoted text and returns where it is. */
  private append(s: string): number {
    const from = this.src.length;
    this.src += `${s}\n`;
    return from;
  }

  private literal(s: string, line: number): Expr {
    const from = this.append(s);
    return { kind: 'literal', value: s, ...this.span(line, line, from, from + s.length) };
  }

  private template(s: string, line: number): Expr {
    if (!s.includes('${') && !s.includes('%{')) return this.literal(s, line);
    const from = this.append(s);
    const r = parseTemplate(this.src.slice(0, from + s.length), from);
    if (r.error) throw new ConvertError(`in the string "${s.slice(0, 60)}": ${r.error.message}`, line);
    return retarget(r.expr, line);
  }
}

/** A template's nodes carry lines of the string alone: give the top one the line in the JSON file. */
function retarget(e: Expr, line: number): Expr {
  e.line = line;
  e.endLine = line;
  return e;
}
