import type { Store } from '../../store/connect.js';
import { JOBS } from './index.js';

export interface Scheduler {
  stop(): void;
}

/**
 * The in-process scheduler of the embedded (SQLite) server: each job every `everyMinutes`, one run at
 * a time. A failing job is logged and retried at its next turn; it never stops the server.
 */
export function startScheduler(
  store: Store,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Scheduler {
  const timers = JOBS.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(store);
      } catch (e) {
        log(`gatehouse: job ${job.name} failed: ${(e as Error).message}`);
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(tick, job.everyMinutes * 60_000).unref();
  });
  return { stop: () => timers.forEach(clearInterval) };
}
