import { type IacValue, isUnknown } from '../../../model.js';
import { EvaluationError, hasUnknown } from '../values.js';
import { COLLECTION_FUNCTIONS } from './collections.js';
import { CONVERSION_FUNCTIONS } from './conversions.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import type { TfFunction } from './function.js';
import { NETWORK_FUNCTIONS } from './network.js';
import { NUMERIC_FUNCTIONS } from './numeric.js';
import { STRING_FUNCTIONS } from './strings.js';

/**
 * The built-in functions evaluated statically. Others (`file`, `templatefile`, `timestamp`,
 * `uuid`, provider functions...) are not here: their result is Unknown.
 */
const FUNCTIONS = new Map<string, TfFunction>(
  Object.entries({
    ...COLLECTION_FUNCTIONS,
    ...CONVERSION_FUNCTIONS,
    ...ENCODING_FUNCTIONS,
    ...NETWORK_FUNCTIONS,
    ...NUMERIC_FUNCTIONS,
    ...STRING_FUNCTIONS,
  }),
);

/** The result of `name(args)`; undefined when it cannot be known statically. Throws EvaluationError on misuse. */
export function callFunction(name: string, args: IacValue[]): IacValue | undefined {
  const f = FUNCTIONS.get(name);
  if (!f) return undefined;
  const [min, max] = f.arity;
  if (args.length < min || args.length > max)
    throw new EvaluationError(
      `${name}() takes ${min === max ? min : `${min} to ${max}`} arguments, not ${args.length}`,
    );
  if (f.elements ? args.some(isUnknown) : args.some(hasUnknown)) return undefined;
  return f.fn(args);
}
