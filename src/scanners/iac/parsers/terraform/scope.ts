import type { IacValue } from '../../model.js';
import type { Expr } from '../hcl/index.js';

/** One step of a reference after its root name: `.name` or `[key]` (key evaluated). */
export type Step = { attr: string; key?: undefined } | { attr?: undefined; key: IacValue };

/** What a module instance answers: the names expressions refer to that no local variable defines. */
export interface References {
  /** The value of `root.steps…` (`var.x`, `local.y`, `module.m.out`, `aws_s3_bucket.b.arn`). */
  resolve(root: string, steps: readonly Step[], node: Expr, scope: Scope): IacValue;
  /** An evaluation failure that is the evaluator's fault, not the configuration's. */
  warn(message: string): void;
}

/** The name under which a splat's `each` expression sees the current element. */
export const SPLAT_ITEM = '\u0000splat';

/**
 * Variables visible to an expression: `count`, `each`, iterators and for-expression variables
 * in nested scopes, and the file the expression comes from (for the text of Unknowns).
 */
export class Scope {
  private constructor(
    readonly src: string,
    readonly refs: References,
    private readonly vars: ReadonlyMap<string, IacValue> | undefined,
    private readonly parent: Scope | undefined,
  ) {}

  static root(src: string, refs: References): Scope {
    return new Scope(src, refs, undefined, undefined);
  }

  child(vars: ReadonlyMap<string, IacValue>): Scope {
    return new Scope(this.src, this.refs, vars, this);
  }

  lookup(name: string): IacValue | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.vars?.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  text(node: Expr): string {
    return this.src.slice(node.start, node.end);
  }
}
