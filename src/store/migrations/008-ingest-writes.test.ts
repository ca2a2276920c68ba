import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../connect.js';
import { backends, TEST_POSTGRES_URL } from '../testing.js';
import { MIGRATIONS } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema before 008 is not the typed one
type Db = Kysely<any>;

/** A database migrated up to (not including) `stop`, and how to finish and drop it. */
async function migratedUpTo(dialect: Dialect, stop: string) {
  let db: Db;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-008-'));
    const sqlite = new Database(join(dir, 'db.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `gatehouse_m008_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    db = new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString() }) }),
    });
    drop = async () => {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const migrate = async (upTo: string) => {
    const migrations: Record<string, Migration> = {};
    for (const m of MIGRATIONS) if (m.name < upTo) migrations[m.name] = { up: (d) => m.up(d, dialect) };
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    }).migrateToLatest();
    if (error) throw error;
  };
  await migrate(stop);
  return {
    db,
    finish: () => migrate('~'),
    dispose: async () => {
      await db.destroy();
      await drop();
    },
  };
}

const DAY = 86_400_000;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`migration 008 on ${backend.name}`, () => {
    let m: Awaited<ReturnType<typeof migratedUpTo>>;
    const t0 = Date.UTC(2026, 0, 1);

    beforeAll(async () => {
      m = await migratedUpTo(backend.name, '008');
      const db = m.db;
      await db.insertInto('projects').values({ name: 'p', tier: 'medium', created_at: t0 }).execute();
      const scan = (digest: string, at: number) => ({
        project_id: 1,
        digest,
        branch: 'main',
        complete: 1,
        source: 'gatehouse',
        received_at: at,
        findings_count: 2,
        new_count: 0,
        reopened_count: 0,
        fixed_count: 0,
      });
      await db
        .insertInto('scans')
        .values([scan('a', t0), scan('b', t0 + DAY)])
        .execute();
      const finding = (n: number, status: string, severity: string, lastSeen: number, lastScan: number) => ({
        project_id: 1,
        fingerprint: `fp-${n}`,
        scanner: 'sast',
        rule_id: 'r',
        title: 't',
        message: 'm',
        severity,
        severity_rank: 2,
        confidence: 'high',
        status,
        path: 'a.ts',
        data: '{}',
        first_seen_at: t0,
        last_seen_at: lastSeen,
        first_scan_id: 1,
        last_scan_id: lastScan,
        reopened_count: 0,
        updated_at: t0,
      });
      await db
        .insertInto('findings')
        .values([finding(1, 'open', 'medium', t0 + DAY, 2), finding(2, 'fixed', 'high', t0, 1)])
        .execute();
      await db
        .insertInto('finding_presence')
        .values({
          project_id: 1,
          finding_id: 1,
          branch: 'main',
          scanner: 'sast',
          present: 1,
          last_scan_id: 2,
        })
        .execute();
      // A person set fp-1's severity twice; a scan then put the scanner's back (the bug 008 fixes).
      const event = (at: number, from: string, to: string) => ({
        finding_id: 1,
        at,
        actor: 'sec',
        kind: 'severity',
        from_status: from,
        to_status: to,
      });
      await db
        .insertInto('finding_events')
        .values([event(t0 + 1, 'medium', 'high'), event(t0 + 2, 'high', 'low')])
        .execute();
      await m.finish();
    });
    afterAll(async () => m?.dispose());

    it('moves when each finding was last seen to finding_seen, with a copy of its status', async () => {
      const rows = await m.db.selectFrom('finding_seen').selectAll().orderBy('finding_id').execute();
      expect(
        rows.map((r) => [
          Number(r.finding_id),
          r.finding_status,
          Number(r.last_seen_at),
          Number(r.last_scan_id),
        ]),
      ).toEqual([
        [1, 'open', t0 + DAY, 2],
        [2, 'fixed', t0, 1],
      ]);
      const columns = async (table: string) =>
        (await m.db.introspection.getTables()).find((t) => t.name === table)!.columns.map((c) => c.name);
      expect(await columns('findings')).not.toContain('last_seen_at');
      expect(await columns('findings')).not.toContain('last_scan_id');
      expect(await columns('finding_presence')).not.toContain('last_scan_id');
    });

    it("gives back a person's latest severity from the history", async () => {
      const rows = await m.db
        .selectFrom('findings')
        .select(['fingerprint', 'severity', 'triaged_severity', 'data_hash'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { fingerprint: 'fp-1', severity: 'medium', triaged_severity: 'low', data_hash: null },
        { fingerprint: 'fp-2', severity: 'high', triaged_severity: null, data_hash: null },
      ]);
    });

    it('creates the last-seen row of a new finding, and copies status changes, by trigger', async () => {
      const row = {
        project_id: 1,
        fingerprint: 'fp-3',
        scanner: 'sast',
        rule_id: 'r',
        title: 't',
        message: 'm',
        severity: 'low',
        severity_rank: 1,
        confidence: 'high',
        status: 'open',
        path: 'a.ts',
        data: '{}',
        first_seen_at: t0 + 5 * DAY,
        first_scan_id: 2,
        reopened_count: 0,
        updated_at: t0,
      };
      const { id } = await m.db.insertInto('findings').values(row).returning('id').executeTakeFirstOrThrow();
      await m.db
        .updateTable('findings')
        .set({ status: 'closed' })
        .where('id', 'in', [1, Number(id)])
        .execute();
      const seen = await m.db
        .selectFrom('finding_seen')
        .select(['finding_id', 'finding_status', 'last_seen_at', 'last_scan_id'])
        .orderBy('finding_id')
        .execute();
      expect(
        seen.map((r) => [
          Number(r.finding_id),
          r.finding_status,
          Number(r.last_seen_at),
          Number(r.last_scan_id),
        ]),
      ).toEqual([
        [1, 'closed', t0 + DAY, 2],
        [2, 'fixed', t0, 1],
        [Number(id), 'closed', t0 + 5 * DAY, 2],
      ]);
    });

    it.runIf(backend.name === 'postgres')(
      'then 010 moves the text search out of the finding row',
      async () => {
        // bigint read back as text: this test's own connection has no number parser.
        const rows = await m.db.selectFrom('finding_search').selectAll().orderBy('finding_id').execute();
        expect(rows.slice(0, 2)).toEqual([
          { finding_id: '1', search_text: 't\x1fm\x1fa.ts\x1fr' },
          { finding_id: '2', search_text: 't\x1fm\x1fa.ts\x1fr' },
        ]);
        // The finding the previous test inserted is pending: the index-search job fills it.
        expect(rows.slice(2).map((r) => r.search_text)).toEqual([null]);
        const { rows: indexes } = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes
        WHERE tablename IN ('findings', 'finding_search') AND indexdef ILIKE '%gin_trgm_ops%'`.execute(m.db);
        expect(indexes.map((i) => i.indexname)).toEqual(['finding_search_text']);
      },
    );

    it.runIf(backend.name === 'postgres')(
      'drops the foreign keys bulk ingest rows paid a query each for',
      async () => {
        const { rows } = await sql<{ conname: string }>`SELECT conname FROM pg_constraint
        WHERE contype = 'f' AND conrelid::regclass::text IN ('finding_events', 'finding_presence', 'occurrences')`.execute(
          m.db,
        );
        expect(rows).toEqual([]);
      },
    );
  });
}
