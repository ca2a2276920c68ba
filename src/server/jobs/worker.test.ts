import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../../store/testing.js';
import { JOBS } from './index.js';
import { runWorker } from './worker.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const postgres = (await backends()).find((b) => b.name === 'postgres')!;

describe.skipIf(postgres.skip)('gatehouse worker on PostgreSQL', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await postgres.open();
  });
  afterAll(async () => store?.dispose());

  it('schedules every job in pg-boss and stops cleanly when asked', async () => {
    const stop = new AbortController();
    const running = runWorker(store, stop.signal, store.env.DATABASE_URL);
    let names: string[] = [];
    for (let i = 0; i < 100 && names.length < JOBS.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      names = await sql<{ name: string }>`SELECT name FROM gatehouse_jobs.schedule`
        .execute(store.db)
        .then((r) => r.rows.map((x) => x.name))
        .catch(() => []);
    }
    stop.abort();
    await running;
    expect(names.sort()).toEqual(JOBS.map((j) => j.name).sort());
  }, 30_000);
});

describe('gatehouse worker without PostgreSQL', () => {
  it('refuses with a hint instead of running jobs twice beside serve', () => {
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'worker'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/needs PostgreSQL/);
    expect(stderr).toMatch(/gatehouse serve runs the background jobs itself/);
  }, 30_000);
});
