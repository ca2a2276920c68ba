import PgBoss from 'pg-boss';
import type { Store } from '../../store/connect.js';
import { JOBS } from './index.js';

/** pg-boss keeps its tables in their own schema, apart from Gatehouse's. */
const BOSS_SCHEMA = 'gatehouse_jobs';

/**
 * Runs the background jobs through pg-boss until `signal` aborts: each job is a queue with a
 * cron schedule, so however many workers run, each scheduled run is done by exactly one.
 */
export async function runWorker(
  store: Store,
  signal: AbortSignal,
  connectionString = process.env.DATABASE_URL!,
): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: BOSS_SCHEMA });
  boss.on('error', (e) => process.stderr.write(`gatehouse: job queue error: ${e.message}\n`));
  await boss.start();
  try {
    for (const job of JOBS) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, `*/${job.everyMinutes} * * * *`);
      await boss.work(job.name, async () => {
        await job.run(store);
      });
    }
    if (!signal.aborted)
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  } finally {
    await boss.stop({ graceful: true, wait: true });
  }
}
