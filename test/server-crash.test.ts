/**
 * A server killed with SIGKILL in the middle of an ingest must come back with no trace of that
 * scan: not the scan row, not one of its findings. Runs the real CLI (`serve`, `admin token
 * create`) as child processes on each engine and kills the server while its ingest transaction
 * is open.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testReport } from '../src/server/testing.js';
import { reportFinding } from '../src/store/test-upload.js';
import { backends, type TestStore } from '../src/store/testing.js';

const ROOT = join(import.meta.dirname, '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const FINDINGS = 30_000;

function cli(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  }).trim();
}

async function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /serving on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

/** Resolves once the server's ingest transaction is writing (so a kill lands inside it). */
async function ingestUnderWay(store: TestStore): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (store.dialect === 'postgres') {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE '%findings%'`.execute(
        store.db,
      );
      if (r.rows[0]!.n > 0) return;
    } else {
      const wal = `${store.location}-wal`;
      if (existsSync(wal) && statSync(wal).size > 2 * 1024 * 1024) return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the ingest never started');
}

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`kill -9 during an ingest on ${backend.name}`, () => {
    let store: TestStore;
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      store = await backend.open();
      env = {
        ...process.env,
        ...store.env,
        DATABASE_URL: store.env.DATABASE_URL ?? '',
        GATEHOUSE_LOG: 'off',
      };
    });
    afterAll(async () => store?.dispose());

    it('restarts with no partial scan, and the same upload then succeeds whole', async () => {
      const token = cli(['admin', 'token', 'create', '--role', 'ci'], env);
      const body = gzipSync(testReport(Array.from({ length: FINDINGS }, (_, i) => reportFinding(i))));
      const upload = (url: string) =>
        fetch(`${url}/api/v1/scans?project=crash&branch=main`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
          },
          body,
        });
      const first = await serve(env);
      const pending = upload(first.url).catch((e: Error) => e);
      await ingestUnderWay(store);
      first.child.kill('SIGKILL');
      expect(await pending).toBeInstanceOf(Error);

      const second = await serve(env);
      try {
        const count = async (table: 'scans' | 'findings' | 'occurrences') =>
          (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db)).rows[0]!
            .n;
        expect([await count('scans'), await count('findings'), await count('occurrences')]).toEqual([
          0, 0, 0,
        ]);
        const ok = await upload(second.url);
        expect(ok.status).toBe(201);
        expect(((await ok.json()) as { scan: { new: number } }).scan.new).toBe(FINDINGS);
        expect(Number(await count('findings'))).toBe(FINDINGS);
      } finally {
        second.child.kill('SIGTERM');
      }
    }, 120_000);
  });
}
