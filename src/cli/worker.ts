import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { runWorker } from '../server/jobs/worker.js';
import { openStore, storeConfigFromEnv } from '../store/connect.js';
import type { RunState } from './program.js';

export function registerWorker(program: Command, _state: RunState): void {
  program
    .command('worker')
    .description(
      'Run background jobs (exception expiry, retention, re-matching SBOMs) against PostgreSQL; run as many as you like',
    )
    .action(async () => {
      const config = storeConfigFromEnv();
      if (!config.databaseUrl)
        throw new UserError(
          'gatehouse worker needs PostgreSQL: set DATABASE_URL=postgres://…',
          'with the embedded SQLite database, gatehouse serve runs the background jobs itself',
        );
      const store = await openStore(config);
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      process.once('SIGTERM', () => controller.abort());
      try {
        process.stderr.write(`gatehouse: worker running jobs on ${store.location}\n`);
        await runWorker(store, controller.signal);
      } finally {
        await store.close();
      }
    });
}
