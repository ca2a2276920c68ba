import { describe, expect, it } from 'vitest';
import { IngestQueue, ingestConcurrency } from './ingest-queue.js';

/** A job that records when it runs and finishes when told. */
function gate() {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('IngestQueue', () => {
  it('runs at most `slots` ingests at once, in arrival order', async () => {
    const q = new IngestQueue(2);
    const started: string[] = [];
    const gates = new Map(['a', 'b', 'c', 'd'].map((p) => [p, gate()]));
    const runs = [...gates].map(([p, g]) =>
      q.run(p, async () => {
        started.push(p);
        await g.done;
        return p;
      }),
    );
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(q.queued).toBe(2);
    gates.get('b')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gates.get('a')!.open();
    gates.get('c')!.open();
    gates.get('d')!.open();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect(q.queued).toBe(0);
  });

  it("runs one project's uploads one after the other, without taking a slot while waiting", async () => {
    const q = new IngestQueue(2);
    const started: string[] = [];
    const first = gate();
    const job = (name: string, wait?: Promise<void>) => async () => {
      started.push(name);
      await wait;
    };
    const runs = [q.run('p', job('p1', first.done)), q.run('p', job('p2')), q.run('other', job('o1'))];
    await tick();
    // p2 waits for p1 in memory; the free slot goes to the other project.
    expect(started).toEqual(['p1', 'o1']);
    first.open();
    await Promise.all(runs);
    expect(started).toEqual(['p1', 'o1', 'p2']);
  });

  it('passes a failure to its caller only, and the next upload of the project still runs', async () => {
    const q = new IngestQueue(1);
    const failing = gate();
    const a = q.run('p', () => failing.done);
    const b = q.run('p', async () => 'second');
    failing.fail(new Error('database went away'));
    await expect(a).rejects.toThrow('database went away');
    expect(await b).toBe('second');
    // The slot was given back: a third runs.
    expect(await q.run('q', async () => 'third')).toBe('third');
  });

  it('refuses a concurrency below 1', () => {
    expect(() => new IngestQueue(0)).toThrow('at least 1');
  });
});

describe('ingestConcurrency', () => {
  it('leaves half of the PostgreSQL pool to readers, and writes one at a time on SQLite', () => {
    expect(ingestConcurrency('postgres', {})).toBe(5);
    expect(ingestConcurrency('sqlite', {})).toBe(1);
  });

  it('takes GATEHOUSE_INGEST_CONCURRENCY, and names it when it is not a whole number ≥ 1', () => {
    expect(ingestConcurrency('postgres', { GATEHOUSE_INGEST_CONCURRENCY: '3' })).toBe(3);
    for (const bad of ['0', '-2', '2.5', 'many'])
      expect(() => ingestConcurrency('sqlite', { GATEHOUSE_INGEST_CONCURRENCY: bad })).toThrow(
        `GATEHOUSE_INGEST_CONCURRENCY must be a whole number of at least 1, got "${bad}"`,
      );
  });
});
