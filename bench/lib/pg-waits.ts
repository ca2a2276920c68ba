import pg from 'pg';

export interface PgWaits {
  samples: number;
  /** Most server sessions of the database at once: busy, and of those waiting for a lock. */
  maxActive: number;
  maxLockWaits: number;
  /** Mean over the samples of the sessions waiting for a lock. */
  meanLockWaits: number;
}

/**
 * Samples pg_stat_activity once a second: how many of the database's sessions are busy (the
 * server's pool, and PostgreSQL's parallel query workers, which it lists too) and how many wait
 * for a lock, such as the per-project ingest lock.
 */
export function samplePgWaits(url: string): { stop(): Promise<PgWaits> } {
  const client = new pg.Client({ connectionString: url });
  const seen: { active: number; waiting: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let pending: Promise<void> = Promise.resolve();
  const sample = () => {
    pending = client
      .query(
        `SELECT count(*) FILTER (WHERE state = 'active')::int AS active,
                count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
      .then((r) => {
        seen.push(r.rows[0]);
        if (!stopped) timer = setTimeout(sample, 1000);
      });
  };
  const started = client.connect().then(sample);
  return {
    async stop() {
      stopped = true;
      await started;
      clearTimeout(timer);
      await pending;
      await client.end();
      return {
        samples: seen.length,
        maxActive: Math.max(0, ...seen.map((s) => s.active)),
        maxLockWaits: Math.max(0, ...seen.map((s) => s.waiting)),
        meanLockWaits: seen.reduce((n, s) => n + s.waiting, 0) / Math.max(1, seen.length),
      };
    },
  };
}
