import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

interface SettingSpec<T> {
  default: T;
  valid(v: unknown): v is T;
}

const boolean = (fallback: boolean): SettingSpec<boolean> => ({
  default: fallback,
  valid: (v): v is boolean => typeof v === 'boolean',
});

/** Every server-wide setting, with the value it has until someone sets it. */
const SETTINGS = {
  /**
   * false: a reopened finding keeps the due date it got when first seen, so a finding that comes
   * and goes cannot escape its SLA; true: the SLA clock starts again at the reopen.
   */
  'sla.restartOnReopen': boolean(false),
} satisfies Record<string, SettingSpec<unknown>>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default'];

/**
 * The setting's value, or its default when it was never set. A stored value that is not JSON of
 * the right type (only a hand edit of the database makes one) also reads as the default.
 */
export async function getSetting<K extends SettingKey>(db: Kysely<Tables>, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  const spec: SettingSpec<SettingValue<K>> = SETTINGS[key];
  const value = row ? parseJson(row.value) : undefined;
  return spec.valid(value) ? value : spec.default;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function setSetting<K extends SettingKey>(
  db: Kysely<Tables>,
  key: K,
  value: SettingValue<K>,
  actor: string,
  now: number,
): Promise<void> {
  const row = { value: JSON.stringify(value), updated_at: now, updated_by: actor };
  await db
    .insertInto('settings')
    .values({ key, ...row })
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
}
