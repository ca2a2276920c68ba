import autocannon from 'autocannon';
import {
  FIRST_PAGE,
  NEXT_PAGE,
  type Path,
  type ReadKind,
  type ReadTargets,
  readKinds,
} from './load-read-kinds.js';

/**
 * The readers of the load benchmark: one autocannon instance per kind of request, its share of
 * the connections each, all at once. Every answer's latency and status is recorded per kind from
 * autocannon's `response` event (its own histograms are per instance and have no p95).
 *
 * Connections are opened before the load: a saturated Node server is slow to take new
 * connections from the kernel's accept queue (seen here: ~45 still queued 20 s after they were
 * opened), so connections opened under load would sit unserved. Until `open()`, every connection
 * asks for /healthz, which costs the server next to nothing; from `open()` to `close()` they ask
 * for the real thing. Every request sent in that window counts, however long its answer takes:
 * `close()` waits for them (stopping at the window's end would drop the slowest answers).
 */

export interface ReaderSetup extends ReadTargets {
  url: string;
  token: string;
  /** A request taking longer is a timeout: an error. */
  timeoutSeconds: number;
}

export interface Bucket {
  kind: string;
  ms: number[];
  /** Answers by HTTP status. */
  statuses: Map<number, number>;
}

export interface ReaderResult {
  buckets: Bucket[];
  /** Socket errors and timeouts, per autocannon, warm-up included. */
  errors: number;
  timeouts: number;
  /** Next pages asked without a cursor (the first page had none): the first page again. Should be 0. */
  noCursor: number;
  /** Requests of the window still unanswered after the drain: not in the latencies. */
  unanswered: number;
}

export interface Readers {
  /** Resolves, with how many connections answered, once all have or after `warmupSeconds`. */
  connected: Promise<number>;
  /** Opens the measured window. */
  open(): void;
  /**
   * Closes the window, waits up to `drainSeconds` for the answers to its requests, stops every
   * connection and returns what the window's requests got.
   */
  close(drainSeconds: number): Promise<ReaderResult>;
}

export const READER_CONNECTIONS = 200;
const WARM = '/healthz';

/** The window: requests built outside it ask for /healthz and do not count. */
class Gate {
  opened = Number.POSITIVE_INFINITY;
  closed = Number.POSITIVE_INFINITY;
  noCursor = 0;

  get warming(): boolean {
    const now = performance.now();
    return now < this.opened || now >= this.closed;
  }

  inWindow(sentAt: number): boolean {
    return sentAt >= this.opened && sentAt < this.closed;
  }
}

export function startReaders(s: ReaderSetup, warmupSeconds: number): Readers {
  const gate = new Gate();
  const kinds = readKinds(s);
  // Created in the kinds' order, so the report lists them in it.
  const buckets = new Map<string, Bucket>(
    kinds
      .flatMap((k) => (k.paged ? [FIRST_PAGE, NEXT_PAGE] : [k.kind]))
      .map((kind) => [kind, { kind, ms: [], statuses: new Map() }]),
  );
  const seen = new Set<object>();
  const drained = new Set<object>();
  let allDrained = () => {};
  let connected!: (n: number) => void;
  const ready = new Promise<number>((resolve) => {
    connected = resolve;
  });
  const timer = setTimeout(() => connected(seen.size), warmupSeconds * 1000);
  const running = kinds.map((k) => {
    const label = labeller(k, gate);
    return run(
      {
        url: s.url,
        connections: k.connections,
        duration: 24 * 3600,
        timeout: s.timeoutSeconds,
        headers: { authorization: `Bearer ${s.token}` },
        requests: k.paged
          ? pagedRequests(rotation(k.paths), gate)
          : [{ setupRequest: single(rotation(k.paths), gate) }],
      },
      (client, status, ms) => {
        const sentAt = performance.now() - ms;
        if (!seen.has(client) && seen.add(client).size === READER_CONNECTIONS) connected(seen.size);
        const kind = label(client, sentAt);
        if (kind) record(buckets, kind, status, ms);
        // A request sent after the close was answered: this connection has nothing of the window left.
        else if (sentAt >= gate.closed && !drained.has(client) && drained.add(client).size === seen.size)
          allDrained();
      },
    );
  });
  return {
    connected: ready.finally(() => clearTimeout(timer)),
    open() {
      gate.opened = performance.now();
    },
    async close(drainSeconds) {
      gate.closed = performance.now();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, drainSeconds * 1000);
        allDrained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      for (const r of running) r.instance.stop();
      const results = await Promise.all(running.map((r) => r.done));
      return {
        buckets: [...buckets.values()].filter((b) => b.ms.length > 0),
        errors: results.reduce((n, r) => n + r.errors, 0),
        timeouts: results.reduce((n, r) => n + r.timeouts, 0),
        noCursor: gate.noCursor,
        unanswered: seen.size - drained.size,
      };
    },
  };
}

function record(buckets: Map<string, Bucket>, kind: string, status: number, ms: number): void {
  const b = buckets.get(kind)!;
  b.ms.push(ms);
  b.statuses.set(status, (b.statuses.get(status) ?? 0) + 1);
}

/**
 * The kind of an answer, from its connection and when its request was sent; undefined outside
 * the window. A connection sends one request at a time, in order: on the paged kind, answers
 * alternate first page, next page, and a next page counts only when its first page did.
 */
function labeller(k: ReadKind, gate: Gate): (client: object, sentAt: number) => string | undefined {
  const answers = new WeakMap<object, number>();
  const pairCounted = new WeakMap<object, boolean>();
  return (client, sentAt) => {
    const n = answers.get(client) ?? 0;
    answers.set(client, n + 1);
    const counted = gate.inWindow(sentAt);
    if (!k.paged) return counted ? k.kind : undefined;
    if (n % 2 === 0) {
      pairCounted.set(client, counted);
      return counted ? FIRST_PAGE : undefined;
    }
    return pairCounted.get(client) ? NEXT_PAGE : undefined;
  };
}

/** Each call gives the next of `paths`, in turn, under /api/v1. */
function rotation(paths: Path[]): () => string {
  let turn = 0;
  return () => {
    const i = turn++;
    return `/api/v1${paths[i % paths.length]!(i)}`;
  };
}

function single(next: () => string, gate: Gate): autocannon.Request['setupRequest'] {
  return (req) => ({ ...req, path: gate.warming ? WARM : next() });
}

interface PageContext {
  path?: string;
  next?: string;
}

/** A first page, then the page after it through its `next` cursor; both warm-up while warming. */
function pagedRequests(first: () => string, gate: Gate): autocannon.Request[] {
  return [
    {
      setupRequest: (req, context) => {
        const c = context as PageContext;
        c.path = gate.warming ? WARM : first();
        return { ...req, path: c.path };
      },
      onResponse: (_status, body, context) => {
        try {
          (context as PageContext).next = (JSON.parse(body) as { next?: string }).next ?? undefined;
        } catch {
          // not JSON: the status already counts as an error
        }
      },
    },
    {
      setupRequest: (req, context) => {
        const c = context as PageContext;
        if (c.path !== WARM && !c.next) gate.noCursor++;
        const path = c.path === WARM || !c.next ? c.path! : `${c.path}&cursor=${encodeURIComponent(c.next)}`;
        return { ...req, path };
      },
    },
  ];
}

interface Running {
  instance: autocannon.Instance;
  done: Promise<autocannon.Result>;
}

function run(
  opts: autocannon.Options,
  onResponse: (client: object, status: number, ms: number) => void,
): Running {
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
  instance.on('response', (client, status, _bytes, ms) => onResponse(client, status, ms));
  return { instance, done };
}
