import type { Ecosystem } from '../../../core/package.js';
import { normalizeName as registryName } from '../../../vulndb/names.js';

/**
 * The form in which two names are compared for resemblance: the registry's own notion of the
 * same package (PyPI's `python_dateutil` is `python-dateutil`), then case folded, since a
 * name differing only by case (`JSONStream`, `jsonstream`) reads as the same name to a person.
 */
export function normalizeName(ecosystem: Ecosystem, name: string): string {
  return registryName(ecosystem, name).toLowerCase();
}

/** npm scope (`types` for `@types/node`), or undefined for an unscoped name. */
export function npmScope(name: string): string | undefined {
  if (!name.startsWith('@')) return undefined;
  const slash = name.indexOf('/');
  return slash > 1 ? name.slice(1, slash) : undefined;
}

/** The name without any separator: `cross-env`, `crossenv` and `@cross/env` share `crossenv`. */
export function separatorKey(name: string): string {
  return name.replace(/[-_.@/]/g, '');
}

/** Characters that look alike in the fonts people read package names in. */
const LOOKALIKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/1/g, 'l'],
  [/0/g, 'o'],
];

/**
 * `separatorKey` with look-alike characters folded: `jeIlyfish` and `jellyfish` share one.
 * A capital `I` only looks like `l` before lower-casing; lower-case `i` and `l` do not pass
 * for each other, which keeps `uri-template` apart from `url-template`.
 */
export function lookalikeKey(name: string): string {
  let key = separatorKey(name.replace(/I/g, 'l').toLowerCase());
  for (const [from, to] of LOOKALIKES) key = key.replace(from, to);
  return key;
}
