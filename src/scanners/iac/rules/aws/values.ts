import { bool, get, type IacResource, type IacValue, isUnknown, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';

/** Whether the source gives the attribute a value; `""` counts as unset, as it does for the provider. */
export const isSet = (v: IacValue | undefined): v is IacValue => v !== undefined && v !== null && v !== '';

/** A boolean attribute, or `byDefault` when the source leaves it out; undefined when it is not known. */
export function flag(v: IacValue | undefined, byDefault: boolean): boolean | undefined {
  return isSet(v) ? bool(v) : byDefault;
}

export const str = (v: IacValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** A number, also written as a string (`"22"`); undefined for anything else. */
export function num(v: IacValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The known strings of a list attribute (a lone string counts as a list of one); unknown items are skipped. */
export function strings(v: IacValue | undefined): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((s): s is string => typeof s === 'string');
}

/** Whether a list attribute has an item that cannot be known statically. */
export const hasUnknown = (v: IacValue | undefined): boolean =>
  isUnknown(v) || (Array.isArray(v) && v.some(isUnknown));

/** `encrypt_at_rest.enabled` for `['encrypt_at_rest', 0, 'enabled']`: how a message names an attribute. */
export const attrName = (path: KeyPath): string => path.filter((k) => typeof k === 'string').join('.');

export interface FlagExpectation {
  path: KeyPath;
  want: boolean;
  /** The provider's value when the attribute is left out. */
  byDefault: boolean;
  /** What the wrong value means, after `<attr> is false: `. */
  why: string;
}

/**
 * A boolean setting that must be `want`: a violation when the source sets the opposite or
 * leaves it to a default that is the opposite. An unknown value is never judged.
 */
export function* expectFlag(r: IacResource, e: FlagExpectation): Generator<Violation> {
  const raw = get(r.value, e.path);
  const v = flag(raw, e.byDefault);
  if (v === undefined || v === e.want) return;
  const name = attrName(e.path);
  const what = isSet(raw) ? `${name} is ${v}` : `${name} is not set (defaults to ${e.byDefault})`;
  yield { message: `${what}: ${e.why}`, at: e.path };
}
