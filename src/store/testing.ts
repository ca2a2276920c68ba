import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from './connect.js';

/** The PostgreSQL server tests use; each test store gets a database of its own on it. */
export const TEST_POSTGRES_URL =
  process.env.GATEHOUSE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why the backend cannot run here (only ever set outside CI). */
  skip?: string;
  /** A new, empty, migrated store; `dispose` deletes it. */
  open(): Promise<TestStore>;
}

export interface TestStore extends Store {
  /** What `DATABASE_URL`/`GATEHOUSE_HOME` a child process needs to open the same store. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (e) {
    return `PostgreSQL at ${TEST_POSTGRES_URL} is not reachable (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const sqlite: Backend = {
  name: 'sqlite',
  async open() {
    const home = mkdtempSync(join(tmpdir(), 'gatehouse-store-'));
    const store = await openStore({ home });
    return {
      ...store,
      env: { GATEHOUSE_HOME: home },
      async dispose() {
        await store.close();
        rmSync(home, { recursive: true, force: true });
      },
    };
  },
};

function postgres(skip: string | undefined): Backend {
  return {
    name: 'postgres',
    skip,
    async open() {
      const name = `gatehouse_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      const url = withDatabase(TEST_POSTGRES_URL, name);
      const store = await openStore({ databaseUrl: url, home: tmpdir(), poolSize: 4 });
      return {
        ...store,
        env: { DATABASE_URL: url },
        async dispose() {
          await store.close();
          await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        },
      };
    },
  };
}

/**
 * SQLite always; PostgreSQL when it answers. In CI (`CI=true`) an unreachable PostgreSQL is an
 * error, not a skip: the store's promise is that both engines pass the same suite.
 */
export async function backends(): Promise<Backend[]> {
  const unreachable = await postgresReachable();
  if (unreachable && process.env.CI === 'true') throw new Error(`${unreachable}; CI requires it`);
  return [sqlite, postgres(unreachable)];
}
