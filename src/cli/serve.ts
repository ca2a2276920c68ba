import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { buildServer, DEFAULT_LIMITS } from '../server/app.js';
import { startScheduler } from '../server/jobs/scheduler.js';
import { openStore, storeConfigFromEnv } from '../store/connect.js';
import type { RunState } from './program.js';

interface ServeFlags {
  host: string;
  port: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port ${value} is not a port number`);
  return n;
}

export function registerServe(program: Command, _state: RunState): void {
  program
    .command('serve')
    .description(
      'Run the Gatehouse server (API): SQLite in $GATEHOUSE_HOME, or PostgreSQL when DATABASE_URL is set',
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8080')
    .action(async (flags: ServeFlags) => {
      const store = await openStore(storeConfigFromEnv());
      const p = port(flags.port);
      const app = await buildServer({
        store,
        baseUrl: process.env.GATEHOUSE_PUBLIC_URL ?? '',
        limits: DEFAULT_LIMITS,
        jsonBodyBytes: DEFAULT_LIMITS.jsonBodyBytes,
        rateLimitPerMinute: Number(process.env.GATEHOUSE_RATE_LIMIT ?? DEFAULT_LIMITS.rateLimitPerMinute),
        logger: process.env.GATEHOUSE_LOG !== 'off',
      });
      const address = await app.listen({ host: flags.host, port: p }).catch((e: Error) => {
        throw new UserError(`cannot listen on ${flags.host}:${p}: ${e.message}`);
      });
      // SQLite has no separate workers: the server runs the background jobs itself.
      const scheduler = store.dialect === 'sqlite' ? startScheduler(store) : undefined;
      process.stderr.write(
        `gatehouse: serving on ${address} (database: ${store.dialect} ${store.location})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      scheduler?.stop();
      await app.close();
      await store.close();
    });
}
