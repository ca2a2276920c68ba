import type { Confidence } from '../../../core/severity.js';

/**
 * Building blocks for provider patterns whose format alone does not identify the provider,
 * shared so every family reads an assignment or a nearby provider name the same way.
 */

/** `word` in any letter case, inside an otherwise case-sensitive pattern (Node 20 has no `(?i:)`). */
export const ci = (word: string) => word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);

/** Characters that may sit between a provider's name and the kind of value it names (`_`, `.`, `::`). */
export const GAP = '[A-Za-z0-9_.:-]{0,30}?';

/** Quotes and an assignment operator between a name and its value. */
/**
 * Between a name and its value: `=`, `:`, `:=`, `=>`, `?=`, PHP's `define('NAME', '…')` and
 * .NET config's `<add key="NAME" value="…"/>`. Every family's ASSIGN uses this one list.
 */
export const ASSIGN_OPERATOR = String.raw`(?::=|=>|\?=|[:=]|["']\s{0,2},|["']?\s{1,3}value\s{0,2}=)`;

export const ASSIGN = String.raw`[A-Za-z0-9_.-]{0,20}["'\]]?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `value` assigned to a name matched by `name` (e.g. `TWILIO_AUTH_TOKEN = "..."`). */
export function assigned(name: string, value: string, end = '(?![A-Za-z0-9_-])'): RegExp {
  return new RegExp(`${name}${ASSIGN}(?<secret>${value})${end}`);
}

/** `token` anywhere after one of the provider's `names` on the same line (at most `reach` characters on). */
export function near(names: string, token: string, edge = 'A-Za-z0-9_-', reach = 100): RegExp {
  return new RegExp(String.raw`(?:${names})[^\n]{0,${reach}}?(?<![${edge}])(?<secret>${token})(?![${edge}])`);
}

/** Like `near`, but the provider's name is optional: it only raises the confidence (see `named`). */
export function optionallyNear(names: string, token: string, edge = 'A-Za-z0-9_-', reach = 100): RegExp {
  return new RegExp(
    String.raw`(?:(?<ctx>${names})[^\n]{0,${reach}}?)?(?<![${edge}])(?<secret>${token})(?![${edge}])`,
  );
}

/** With `optionallyNear`: high confidence when the provider's name was seen, medium otherwise. */
export const named = (_s: string, g: Readonly<Record<string, string | undefined>>): true | Confidence =>
  g.ctx ? true : 'medium';

/** Random base62 secrets mix both letter cases; words and identifiers do not. */
export const mixedCase = (s: string) => /[a-z]/.test(s) && /[A-Z]/.test(s);
export const lettersAndDigits = (s: string) => /[a-z]/i.test(s) && /[0-9]/.test(s);
