import { Worker } from 'node:worker_threads';
import type { FileEntry } from '../../core/scanner.js';
import type { FileOutcome } from './file-scan.js';
import type { SecretsOptions } from './options.js';

export type WorkerSetup = Pick<SecretsOptions, 'disable' | 'generic'>;
export interface WorkerBatch {
  id: number;
  files: [string, string][];
}
export interface WorkerReply {
  id: number;
  outcomes: FileOutcome[];
}

const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_FILES = 256;

function batches(files: readonly FileEntry[]): WorkerBatch[] {
  const out: WorkerBatch[] = [];
  let cur: WorkerBatch = { id: 0, files: [] };
  let bytes = 0;
  for (const f of files) {
    if (cur.files.length > 0 && (bytes + f.size > BATCH_BYTES || cur.files.length >= BATCH_FILES)) {
      out.push(cur);
      cur = { id: out.length, files: [] };
      bytes = 0;
    }
    cur.files.push([f.absPath, f.path]);
    bytes += f.size;
  }
  if (cur.files.length > 0) out.push(cur);
  return out;
}

/**
 * Built code runs worker.js directly. From TypeScript sources (tests, tsx) a worker thread does
 * not inherit the loader on Node 20, so a bootstrap registers tsx and then imports worker.ts.
 */
function spawn(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
  const target = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${target}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/**
 * Spreads files over worker threads in batches of a few MiB; each worker takes the next
 * batch when it finishes one, so a few huge files do not leave a core idle.
 */
export async function scanInPool(
  files: readonly FileEntry[],
  setup: WorkerSetup,
  threads: number,
  onOutcome: (o: FileOutcome) => void,
  signal: AbortSignal,
): Promise<void> {
  const queue = batches(files);
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
      for (const o of reply.outcomes) onOutcome(o);
      next();
    });
    w.once('error', reject);
    w.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`secrets worker exited with code ${code}`)),
    );
    next();
  });
}
