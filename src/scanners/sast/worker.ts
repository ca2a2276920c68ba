import { parentPort, workerData } from 'node:worker_threads';
import type { SastRule } from './engine/index.js';
import { scanFile } from './file-scan.js';
import { builtinRules, projectRules } from './format/index.js';
import type { WorkerBatch, WorkerReply, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;

/** The main thread already validated these rules, so loading them again here cannot fail differently. */
function loadRules(): { rules: readonly SastRule[] } | { error: string } {
  try {
    const disabled = new Set(setup.disable);
    return { rules: [...builtinRules(), ...projectRules(setup.root)].filter((r) => !disabled.has(r.id)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const loaded = loadRules();

parentPort!.on('message', (batch: WorkerBatch) => {
  const reply: WorkerReply =
    'error' in loaded
      ? loaded
      : { outcomes: batch.files.map(([abs, path]) => scanFile(abs, path, loaded.rules, setup.budgetMs)) };
  parentPort!.postMessage(reply);
});
