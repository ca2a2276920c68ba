import type Database from 'better-sqlite3';

/**
 * The database schema, one entry per version. Migrations only ever move forward: a database
 * written by a newer Gatehouse is refused rather than guessed at. `advisories` keeps its rowid
 * because its rows are large (SQLite's WITHOUT ROWID tables suit small rows only); the narrow
 * lookup tables do without.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE advisories (
     id TEXT PRIMARY KEY,
     modified TEXT NOT NULL,
     published TEXT,
     withdrawn TEXT,
     summary TEXT,
     aliases TEXT NOT NULL,
     severity TEXT,
     record BLOB NOT NULL
   );
   CREATE TABLE affected (
     advisory_id TEXT NOT NULL,
     ecosystem TEXT NOT NULL,
     ecosystem_release TEXT NOT NULL,
     normalized_name TEXT NOT NULL
   );
   CREATE INDEX affected_package ON affected (ecosystem, normalized_name);
   CREATE INDEX affected_advisory ON affected (advisory_id);
   CREATE TABLE aliases (
     alias TEXT NOT NULL,
     advisory_id TEXT NOT NULL,
     PRIMARY KEY (alias, advisory_id)
   ) WITHOUT ROWID;
   CREATE INDEX aliases_advisory ON aliases (advisory_id);
   CREATE TABLE sources (
     name TEXT PRIMARY KEY,
     imported_at TEXT NOT NULL,
     count INTEGER NOT NULL,
     newest_modified TEXT,
     origin TEXT NOT NULL
   ) WITHOUT ROWID;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaTooNewError extends Error {
  constructor(readonly found: number) {
    super(`schema version ${found} is newer than this Gatehouse understands (${SCHEMA_VERSION})`);
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to date, each step in its own transaction. */
export function migrate(db: Database.Database): void {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION) throw new SchemaTooNewError(from);
  for (let v = from; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
