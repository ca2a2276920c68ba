import { UserError } from '../core/errors.js';
import { DEFAULT_POOL_SIZE, type Dialect } from '../store/connect.js';

/**
 * Bounds the ingests one server process runs at once, and runs a project's uploads one after
 * the other before they take a database connection. Without it, 50 concurrent uploads held every
 * connection of the pool (10) for tens of seconds, most of them only waiting for their project's
 * lock, and readers queued behind them past a minute (bench/RESULTS.md, "Server under load").
 * Other processes sharing the database are still kept apart by the per-project lock in the
 * database; this only decides who waits in memory instead of on a connection.
 */
export class IngestQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The last upload queued per project: the next one starts after it settles. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1)
      throw new Error(`ingest concurrency must be at least 1, got ${slots}`);
  }

  /** Runs `ingest` once the project's earlier uploads are done and a slot is free. */
  run<T>(project: string, ingest: () => Promise<T>): Promise<T> {
    const before = this.tails.get(project) ?? Promise.resolve();
    const mine = before.then(() => this.inSlot(ingest));
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(project, tail);
    void tail.then(() => {
      if (this.tails.get(project) === tail) this.tails.delete(project);
    });
    return mine;
  }

  /** Uploads waiting for a slot (not those waiting for their project's previous upload). */
  get queued(): number {
    return this.waiting.length;
  }

  private async inSlot<T>(ingest: () => Promise<T>): Promise<T> {
    if (this.running < this.slots) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await ingest();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Concurrent ingests per process: `GATEHOUSE_INGEST_CONCURRENCY`, else half of PostgreSQL's pool
 * (the other half stays for readers), or 1 on SQLite, which writes one transaction at a time anyway.
 */
export function ingestConcurrency(dialect: Dialect, env: NodeJS.ProcessEnv = process.env): number {
  const set = env.GATEHOUSE_INGEST_CONCURRENCY;
  if (set !== undefined && set !== '') {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 1)
      throw new UserError(`GATEHOUSE_INGEST_CONCURRENCY must be a whole number of at least 1, got "${set}"`);
    return n;
  }
  return dialect === 'postgres' ? Math.max(1, Math.floor(DEFAULT_POOL_SIZE / 2)) : 1;
}
