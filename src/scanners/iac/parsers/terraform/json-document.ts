import type { IacValue, Unknown } from '../../model.js';
import { hasUnknown, newObject, unknownOf } from './values.js';

/**
 * Attributes set to a JSON document that holds values known only after apply: `jsonencode({...})`
 * or a heredoc (`"Resource": "${aws_s3_bucket.logs.arn}/*"`, the way policies were written before
 * jsonencode). Terraform would build a string; a rule could then judge none of it. Kept as the
 * document itself, with an Unknown where a value is unknown, the known members stay readable.
 */

/** A kept document is small (a policy, a task definition), never a huge tree of shared values. */
const MAX_KEPT = 10_000;
const MAX_DEPTH = 64;

function fits(v: IacValue, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (v === null || typeof v !== 'object' || !hasUnknown(v)) return true;
  return (Array.isArray(v) ? v : Object.values(v)).every((x) => fits(x, budget));
}

/** Whether a jsonencode argument with unknown members is kept as a document. */
export const keptDocument = (v: IacValue): boolean => hasUnknown(v) && fits(v, { left: MAX_KEPT });

/**
 * Stands in a heredoc's text for the i-th interpolation known only after apply. U+2063 is valid
 * inside a JSON string and absent from real documents.
 */
export const hole = (i: number): string => `\u2063${i}\u2063`;
/** Marks text a directive with an unknown condition or collection would have written. */
export const LOST_TEXT = '\u0000';

const HOLE = /\u2063(\d+)\u2063/g;

/**
 * The document a heredoc's text with holes is; undefined when the text is no JSON document, an
 * unknown value stands outside a string or in a key, or a directive's output is unknown.
 */
export function jsonWithHoles(text: string, unknowns: readonly Unknown[]): IacValue | undefined {
  if (text.includes(LOST_TEXT) || !/^\s*[[{]/.test(text)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  return fill(doc, unknowns, 0);
}

function fill(v: unknown, unknowns: readonly Unknown[], depth: number): IacValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof v === 'string') return filledString(v, unknowns);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    const out: IacValue[] = [];
    for (const x of v) {
      const item = fill(x, unknowns, depth + 1);
      if (item === undefined) return undefined;
      out.push(item);
    }
    return out;
  }
  const out = newObject();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const item = fill(x, unknowns, depth + 1);
    if (item === undefined || k.includes('\u2063')) return undefined;
    out[k] = item;
  }
  return out;
}

/** A string with holes is unknown: the interpolation itself when it is the whole string. */
function filledString(s: string, unknowns: readonly Unknown[]): IacValue {
  const whole = /^\u2063(\d+)\u2063$/.exec(s);
  if (whole) return unknowns[Number(whole[1])]!;
  const used = [...s.matchAll(HOLE)].map((m) => unknowns[Number(m[1])]!);
  if (used.length === 0) return s;
  return unknownOf(
    s.replace(HOLE, (_m, i: string) => `\${${unknowns[Number(i)]!.expr}}`),
    used,
  );
}
