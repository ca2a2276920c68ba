import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { gatehouseHome, SQLITE_FILE } from '../../src/store/connect.js';
import type { Tables } from '../../src/store/schema.js';

/**
 * The database a `gatehouse serve` process wrote (DATABASE_URL, else SQLite under
 * GATEHOUSE_HOME), opened read-only as it is: `openStore` would migrate it to this checkout's
 * schema, and the server that wrote it (dist/) may be older than src/.
 */
export function openWritten(env: NodeJS.ProcessEnv): Kysely<Tables> {
  if (env.DATABASE_URL)
    return new Kysely<Tables>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 }) }),
    });
  const file = join(gatehouseHome(env), SQLITE_FILE);
  return new Kysely<Tables>({
    dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }),
  });
}
