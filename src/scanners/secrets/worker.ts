import { parentPort, workerData } from 'node:worker_threads';
import { SecretMatcher } from './engine/matcher.js';
import { scanFile } from './file-scan.js';
import type { WorkerBatch, WorkerReply, WorkerSetup } from './pool.js';
import { selectDetectors } from './select.js';

const setup = workerData as WorkerSetup;
const matcher = new SecretMatcher(selectDetectors(setup));

parentPort!.on('message', (batch: WorkerBatch) => {
  const reply: WorkerReply = {
    id: batch.id,
    outcomes: batch.files.map(([abs, rel]) => scanFile(matcher, abs, rel)),
  };
  parentPort!.postMessage(reply);
});
