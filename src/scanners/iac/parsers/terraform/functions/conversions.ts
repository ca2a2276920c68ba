import { EvaluationError, toBool, toList, toNum, toObject, toSet, toStr } from '../values.js';
import type { FunctionTable } from './function.js';

/** Terraform's explicit type conversions; collections keep Unknown elements as they are. */
export const CONVERSION_FUNCTIONS: FunctionTable = {
  tonumber: { arity: [1, 1], fn: ([v]) => (v === null ? null : toNum(v!)) },
  tobool: { arity: [1, 1], fn: ([v]) => (v === null ? null : toBool(v!)) },
  tostring: {
    arity: [1, 1],
    fn: ([v]) => {
      if (v === null) return null;
      if (typeof v === 'object')
        throw new EvaluationError('tostring: only a string, number or bool converts');
      return toStr(v!);
    },
  },
  // Sensitivity only changes how Terraform prints a value.
  sensitive: { arity: [1, 1], elements: true, fn: ([v]) => v! },
  nonsensitive: { arity: [1, 1], elements: true, fn: ([v]) => v! },
  tolist: { arity: [1, 1], elements: true, fn: ([l]) => toList(l!, 'the tolist() argument') },
  toset: { arity: [1, 1], fn: ([l]) => toSet(toList(l!, 'the toset() argument')) },
  tomap: { arity: [1, 1], elements: true, fn: ([o]) => toObject(o!, 'the tomap() argument') },
};
