import type { IacValue } from '../../../model.js';

/** A Terraform built-in function, evaluated on known values. */
export interface TfFunction {
  /** Least and most arguments (`Infinity`: variadic). */
  arity: readonly [number, number];
  /**
   * The function handles Unknown elements inside its list/object arguments itself (`length`,
   * `merge`, `concat`...). Otherwise any Unknown anywhere in the arguments makes the result Unknown.
   */
  elements?: boolean;
  /** The result; `undefined` when it cannot be known before apply. */
  fn(args: IacValue[]): IacValue | undefined;
}

export type FunctionTable = Record<string, TfFunction>;
