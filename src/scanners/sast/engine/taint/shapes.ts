import type { TNode } from './tree.js';

/**
 * What a syntax node means to dataflow, whatever the language. Each language's adapter
 * (lang/*.ts) maps its grammar's node kinds onto these; the walker only knows shapes.
 */
export type Shape =
  /** A function, method or lambda. */
  | { type: 'function'; fn: FunctionParts }
  /** `targets = values`; `update` for `+=` and the like (the old value flows on). */
  | { type: 'assign'; targets: TNode[]; values: TNode[]; update: boolean }
  | { type: 'return'; value: TNode | undefined }
  /**
   * `pre` runs first, then one of `arms`, then `post`. `exhaustive`: one arm always runs (an
   * `if` with an `else`); otherwise possibly none. `yields`: the node is an expression whose
   * value is its arm's (a ternary).
   */
  | { type: 'branch'; pre: TNode[]; arms: TNode[]; post: TNode[]; exhaustive: boolean; yields: boolean }
  /** `pre` once, then `body` any number of times; `binds` are loop variables taken from a collection. */
  | { type: 'loop'; pre: TNode[]; binds: Binding[]; body: TNode[]; yields: boolean }
  | { type: 'call'; call: CallParts }
  | { type: 'name'; name: string }
  /** A value read out of `object` (field-insensitive); `rest` is evaluated but does not flow. */
  | { type: 'member'; object: TNode; rest: TNode[] }
  /** Constant text or a type: no data, nothing inside to evaluate. */
  | { type: 'literal' }
  /** Children are evaluated, but the value carries no data (comparisons, arithmetic, typeof). */
  | { type: 'clean' }
  /** Anything else: the value carries whatever its children carry. */
  | { type: 'other' };

export interface FunctionParts {
  /** Declared name (function, method) or the variable it is assigned to; undefined for a lambda. */
  name: string | undefined;
  isMethod: boolean;
  /** One node per positional parameter (`self` / receivers left out). */
  params: TNode[];
  body: TNode | undefined;
  /** An arrow or lambda whose body is an expression: that expression is the return value. */
  expressionBody: boolean;
}

export interface CallParts {
  /** Evaluated for what it carries: a method's receiver (`s` in `s.trim()`), else nothing. */
  receiver: TNode | undefined;
  /** Other parts of the callee to evaluate (an identifier callee is not). */
  callee: TNode[];
  /** The method or function name as written, `trim` in `s.trim()`. */
  method: string | undefined;
  /** The callee's text, `path.join`, for the language's list of calls that return clean values. */
  calleeText: string;
  args: TNode[];
  /**
   * A call that may name a function of the same file: `f(x)` (self false) or
   * `this.f(x)` / `self.f(x)` / a Go receiver's method (self true).
   */
  local: { name: string; self: boolean } | undefined;
}

export interface Binding {
  targets: TNode[];
  from: TNode;
}

/** What an assignment target (or parameter) writes: names, and whether it replaces their value. */
export interface Target {
  names: string[];
  /** `x = v` replaces x's value; `x.f = v` or `x[i] = v` only adds to it. */
  strong: boolean;
}

/** A language's view of its grammar, for the taint walker. */
export interface TaintLanguage {
  shape(node: TNode): Shape;
  target(node: TNode): Target;
  /** Kinds that `shape` reports as functions: one tree search finds every unit of a file. */
  functionKinds: readonly string[];
  /** Calls whose result is a number, a boolean or otherwise unable to carry an attacker's text. */
  cleanCall(call: CallParts): boolean;
  /** Method names that store their arguments in the receiver (`push`, `append`, `put`, ...). */
  mutators: ReadonlySet<string>;
}
