import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { UserError } from '../core/errors.js';
import type { Store } from './connect.js';
import { MIGRATIONS } from './migrations/index.js';

/** The migrations in code, so the bundled CLI carries them (no folder to find at run time). */
class CodeMigrations implements MigrationProvider {
  constructor(private readonly store: Store) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of MIGRATIONS) out[m.name] = { up: (db) => m.up(db, this.store.dialect) };
    return out;
  }
}

/**
 * Applies every migration not yet applied, in order, each in its own transaction; Kysely's lock
 * keeps two processes starting at once from applying one twice. A database migrated by a newer
 * Gatehouse (it lists a migration this one does not know) is refused, never changed.
 */
export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: new CodeMigrations(store) });
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return;
  const message = (error as Error).message ?? String(error);
  if (/previously executed migration .* is missing/i.test(message))
    throw new UserError(
      `the database at ${store.location} was migrated by a newer Gatehouse (${message})`,
      'upgrade Gatehouse, or point it at another database',
    );
  const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
  throw new UserError(`migration ${failed} failed on ${store.location}: ${message}`);
}
