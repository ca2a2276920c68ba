import { blocks, type IacObject, type IacResource, isUnknown, type KeyPath } from '../../model.js';
import { lower } from './values.js';

/** The first block of `key` under `parent` with its path; undefined when absent. */
function first(parent: IacObject, key: string, at: KeyPath): { value: IacObject; at: KeyPath } | undefined {
  const b = blocks(parent, key)[0];
  return b ? { value: b, at: [...at, key, 0] } : undefined;
}

/** `settings[0]` of a Cloud SQL instance. */
export const settings = (r: IacResource) => first(r.value, 'settings', []);

/** `settings[0].ip_configuration[0]`, undefined when absent (defaults: public IPv4, unencrypted allowed). */
export function ipConfiguration(r: IacResource) {
  const s = settings(r);
  return s && first(s.value, 'ip_configuration', s.at);
}

/** The engine family (`postgres`, `mysql`, `sqlserver`) from `database_version`; undefined when unknown. */
export function engine(r: IacResource): string | undefined {
  return lower(r.value.database_version)?.split('_')[0];
}

/** A database flag by name: its value (lower-cased, or unknown) and path. */
export function databaseFlag(
  r: IacResource,
  name: string,
): { value: string | undefined; known: boolean; at: KeyPath } | undefined {
  const s = settings(r);
  if (!s) return undefined;
  const flags = blocks(s.value, 'database_flags');
  const i = flags.findIndex((f) => lower(f.name) === name);
  if (i < 0) return undefined;
  const value = flags[i]?.value;
  return { value: lower(value), known: !isUnknown(value), at: [...s.at, 'database_flags', i, 'value'] };
}
