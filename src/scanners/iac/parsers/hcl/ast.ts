/** Where a node is: 1-based start line and column, end line, and source offsets (end exclusive). */
export interface Span {
  line: number;
  col: number;
  endLine: number;
  start: number;
  end: number;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | (Span & { kind: 'literal'; value: string | number | boolean | null })
  | (Span & { kind: 'template'; parts: TemplatePart[]; heredoc: boolean })
  | (Span & { kind: 'tuple'; items: Expr[] })
  | (Span & { kind: 'object'; items: ObjectItem[] })
  | (Span & { kind: 'variable'; name: string })
  | (Span & { kind: 'getattr'; target: Expr; name: string })
  | (Span & { kind: 'index'; target: Expr; key: Expr })
  /** `source.*.a.b` / `source[*].a[0]`: `each` is applied to every element, rooted at a `splatItem`. */
  | (Span & { kind: 'splat'; source: Expr; each: Expr })
  | (Span & { kind: 'splatItem' })
  /** `name(args)`; `expand` when the last argument is followed by `...`. `name` may be namespaced (`provider::aws::f`). */
  | (Span & { kind: 'call'; name: string; args: Expr[]; expand: boolean })
  | (Span & {
      kind: 'for';
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      key?: Expr;
      value: Expr;
      cond?: Expr;
      group: boolean;
    })
  | (Span & { kind: 'conditional'; cond: Expr; ifTrue: Expr; ifFalse: Expr })
  | (Span & { kind: 'unary'; op: '-' | '!'; operand: Expr })
  | (Span & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (Span & { kind: 'paren'; inner: Expr });

/** `key = value` or `key: value` in an object constructor. A bare identifier key is a literal name. */
export interface ObjectItem extends Span {
  key: Expr;
  value: Expr;
}

/** Parts of a template; an `if` or `for` part spans from its opening directive to its closing one. */
export type TemplatePart =
  | (Span & { kind: 'lit'; value: string })
  | (Span & { kind: 'interp'; expr: Expr })
  | (Span & { kind: 'if'; cond: Expr; ifTrue: TemplatePart[]; ifFalse: TemplatePart[] })
  | (Span & { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] });

export interface Attribute extends Span {
  kind: 'attribute';
  name: string;
  expr: Expr;
}

export interface Block extends Span {
  kind: 'block';
  type: string;
  labels: string[];
  body: Body;
}

/** Attributes and blocks in source order. */
export interface Body {
  items: (Attribute | Block)[];
}

export type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;
