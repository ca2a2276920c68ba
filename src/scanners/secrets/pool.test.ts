import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../../../test/tmp.js';
import type { FileEntry } from '../../core/scanner.js';
import { DETECTORS } from './detectors/index.js';
import type { FileOutcome } from './file-scan.js';
import { releaseWarm, scanInPool, warmUp } from './pool.js';

let cleanup = () => {};
afterEach(async () => {
  await releaseWarm();
  cleanup();
});

/** A line a built-in detector reports, taken from its own positive examples. */
const STRIPE = DETECTORS.find((d) => d.id === 'stripe-secret-key')!;
const LEAK = STRIPE.examples.positive[0]!;

function files(n: number): FileEntry[] {
  const content: Record<string, string> = {};
  for (let i = 0; i < n; i++) content[`f${i}.env`] = i === 3 ? `${LEAK}\n` : `x=${i}\n`;
  const tree = makeTree(content);
  cleanup = tree.cleanup;
  return Object.keys(content).map((path) => ({ path, absPath: `${tree.root}/${path}`, size: 10 }));
}

async function run(list: FileEntry[], setup = { disable: [], generic: true }): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  await scanInPool(list, setup, 2, (o) => out.push(o), new AbortController().signal);
  return out;
}

describe('secrets worker pool', () => {
  it('scans with workers started ahead of time', async () => {
    warmUp({ disable: [], generic: true }, 2);
    const out = await run(files(8));
    expect(out).toHaveLength(8);
    expect(out.find((o) => o.path === 'f3.env')?.matches.length).toBeGreaterThan(0);
  });

  it('starts fresh workers when the warmed-up ones were set up differently', async () => {
    warmUp({ disable: ['stripe-secret-key'], generic: false }, 2);
    const out = await run(files(4));
    expect(out.find((o) => o.path === 'f3.env')?.matches.length).toBeGreaterThan(0);
  });

  it('can release warmed-up workers it does not need', async () => {
    warmUp({ disable: [], generic: true }, 2);
    await releaseWarm();
    expect(await run(files(2))).toHaveLength(2);
  });
});
