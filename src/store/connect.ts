import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { UserError } from '../core/errors.js';
import { migrateToLatest } from './migrate.js';
import type { Tables } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open server database: the query builder, which engine is behind it, and how to close it. */
export interface Store {
  db: Kysely<Tables>;
  dialect: Dialect;
  /** Where the data lives, for messages (a file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

export interface StoreConfig {
  /** `postgres://…`: PostgreSQL; otherwise SQLite in `home`. */
  databaseUrl?: string;
  home: string;
  /** Connections per process on PostgreSQL. */
  poolSize?: number;
}

/** `$GATEHOUSE_HOME`, else `~/.gatehouse`: where the embedded server keeps its SQLite file. */
export function gatehouseHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.GATEHOUSE_HOME || join(homedir(), '.gatehouse');
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, home: gatehouseHome(env) };
}

/** Opens the database and brings its schema up to date (migrations are forward-only). */
export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.databaseUrl
    ? openPostgres(config.databaseUrl, config.poolSize)
    : openSqlite(config.home);
  try {
    await migrateToLatest(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

export const SQLITE_FILE = 'gatehouse.sqlite';

function openSqlite(home: string): Store {
  mkdirSync(home, { recursive: true });
  const file = join(home, SQLITE_FILE);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (e) {
    throw new UserError(`cannot open the server database ${file}: ${(e as Error).message}`);
  }
  // WAL: readers never wait for the ingest writer; a crash rolls back to the last commit.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** int8 (bigint, count(*)) as numbers: every value the store keeps fits in 2^53. */
const INT8 = 20;
const NUMERIC = 1700;

/** Connections per process on PostgreSQL unless told otherwise. */
export const DEFAULT_POOL_SIZE = 10;

function openPostgres(url: string, poolSize = DEFAULT_POOL_SIZE): Store {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === INT8 || oid === NUMERIC
        ? (v: string) => Number(v)
        : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle connection the server closed (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

/** The URL for messages and logs: never its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
