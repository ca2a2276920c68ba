import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being changed
type Db = Kysely<any>;

/**
 * Component search by name, case- and separator-insensitive (`Django` / `django`,
 * `serde_json` / `serde-json`) and by prefix, answered from expression indexes; src/store/components.ts
 * writes the very same expressions in its queries, so the planner can use them. PostgreSQL's
 * copies use the "C" collation, where a prefix is a contiguous range of the index whatever
 * the database's locale.
 */
export function nameKeySql(dialect: Dialect, column: 'full' | 'artifact'): string {
  const name =
    column === 'full'
      ? 'name'
      : dialect === 'postgres'
        ? "substr(name, strpos(name, ':') + 1)"
        : "substr(name, instr(name, ':') + 1)";
  const key = `lower(replace(replace(${name}, '_', '-'), '.', '-'))`;
  return dialect === 'postgres' ? `(${key} COLLATE "C")` : key;
}

/** The purl as the prefix search reads it (PostgreSQL: byte order, as above). */
export function purlKeySql(dialect: Dialect): string {
  return dialect === 'postgres' ? '(purl COLLATE "C")' : 'purl';
}

async function componentIndexes(db: Db, dialect: Dialect): Promise<void> {
  await sql
    .raw(`CREATE INDEX components_name_key ON components (${nameKeySql(dialect, 'full')})`)
    .execute(db);
  // Maven names are `group:artifact`; people search for the artifact (`log4j-core`).
  await sql
    .raw(`CREATE INDEX components_artifact_key ON components (${nameKeySql(dialect, 'artifact')})`)
    .execute(db);
  // SQLite's existing components_purl index already orders bytes; PostgreSQL needs its own.
  if (dialect === 'postgres')
    await sql.raw(`CREATE INDEX components_purl_c ON components (${purlKeySql(dialect)})`).execute(db);
}

/** Small named values background jobs remember between runs (the vulnerability database stamp). */
async function jobState(db: Db): Promise<void> {
  await db.schema
    .createTable('job_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export const componentSearch: StoreMigration = {
  name: '005-component-search',
  async up(db, dialect) {
    await componentIndexes(db, dialect);
    await jobState(db);
  },
};
