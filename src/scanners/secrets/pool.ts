import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/package-root.js';
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
  // Built code: dist/ holds the worker at this path whether the CLI runs bundled or not.
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(join(packageRoot(), 'dist', 'scanners', 'secrets', 'worker.js'), { workerData: setup });
  const target = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${target}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** A started worker; an error while it waited for work is kept for the scan to report. */
interface PoolWorker {
  worker: Worker;
  error?: Error;
  exitCode?: number;
}

function start(setup: WorkerSetup): PoolWorker {
  const w: PoolWorker = { worker: spawn(setup) };
  w.worker.on('error', (e) => {
    w.error ??= e;
  });
  w.worker.on('exit', (code) => {
    w.exitCode = code;
  });
  return w;
}

/**
 * Workers started while the main thread walks the tree: loading their modules and building the
 * keyword automaton (~0.15 s each) then overlaps the walk instead of following it.
 */
let warm: { key: string; workers: PoolWorker[] } | undefined;
const keyOf = (setup: WorkerSetup, threads: number) => JSON.stringify([setup, threads]);

export function warmUp(setup: WorkerSetup, threads: number): void {
  if (threads < 2 || warm) return;
  const workers = Array.from({ length: threads }, () => start(setup));
  // A run that ends before scanning (a config error) must still exit.
  for (const w of workers) w.worker.unref();
  warm = { key: keyOf(setup, threads), workers };
}

/** Stops warmed-up workers the scan does not need (too little text for a pool). */
export async function releaseWarm(): Promise<void> {
  const w = warm;
  warm = undefined;
  await Promise.all((w?.workers ?? []).map((x) => x.worker.terminate()));
}

function takeWorkers(setup: WorkerSetup, threads: number, count: number): PoolWorker[] {
  const w = warm;
  warm = undefined;
  const ready = w?.key === keyOf(setup, threads) ? w.workers : [];
  if (w && ready.length === 0) for (const x of w.workers) void x.worker.terminate();
  for (const x of ready.splice(count)) void x.worker.terminate();
  for (const w of ready) w.worker.ref();
  while (ready.length < count) ready.push(start(setup));
  return ready;
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
  const workers = takeWorkers(setup, threads, Math.min(threads, queue.length));
  try {
    await Promise.all(workers.map((w) => drain(w, queue, onOutcome, signal)));
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

function drain(
  pw: PoolWorker,
  queue: WorkerBatch[],
  onOutcome: (o: FileOutcome) => void,
  signal: AbortSignal,
): Promise<void> {
  const w = pw.worker;
  return new Promise((resolve, reject) => {
    // A warmed-up worker may have failed before the scan needed it.
    if (pw.error) return reject(pw.error);
    if (pw.exitCode !== undefined) return reject(new Error(`secrets worker exited with code ${pw.exitCode}`));
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
