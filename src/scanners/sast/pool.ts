import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/package-root.js';
import type { FileEntry } from '../../core/scanner.js';
import type { FileOutcome } from './file-scan.js';

/** What a worker needs to build the same rule set as the main thread. */
export interface WorkerSetup {
  root: string;
  disable: readonly string[];
  budgetMs: number;
}

export interface WorkerBatch {
  files: [abs: string, path: string][];
}

export type WorkerReply = { outcomes: FileOutcome[] } | { error: string };

/** Small batches: SAST time per file varies a lot, and a worker should not sit on a long queue. */
const BATCH_FILES = 16;

/**
 * Built code runs worker.js directly. From TypeScript sources (tests, tsx) a worker thread does
 * not inherit the loader on Node 20, so a bootstrap registers tsx and then imports worker.ts.
 */
function spawn(setup: WorkerSetup): Worker {
  // Built code: dist/ holds the worker at this path whether the CLI runs bundled or not.
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(join(packageRoot(), 'dist', 'scanners', 'sast', 'worker.js'), { workerData: setup });
  const target = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${target}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** Spreads files over worker threads; each worker takes the next batch when it finishes one. */
export async function scanInPool(
  files: readonly FileEntry[],
  setup: WorkerSetup,
  threads: number,
  onOutcome: (o: FileOutcome) => void,
  signal: AbortSignal,
): Promise<void> {
  const queue: WorkerBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH_FILES)
    queue.push({ files: files.slice(i, i + BATCH_FILES).map((f) => [f.absPath, f.path]) });
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => spawn(setup));
  try {
    await Promise.all(workers.map((w) => drain(w, queue, onOutcome, signal)));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function drain(
  w: Worker,
  queue: WorkerBatch[],
  onOutcome: (o: FileOutcome) => void,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = () => {
      const batch = signal.aborted ? undefined : queue.shift();
      if (batch) w.postMessage(batch);
      else resolve();
    };
    w.on('message', (reply: WorkerReply) => {
      if ('error' in reply) return reject(new Error(`sast worker: ${reply.error}`));
      for (const o of reply.outcomes) onOutcome(o);
      next();
    });
    w.once('error', reject);
    w.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`sast worker exited with code ${code}`)),
    );
    next();
  });
}
