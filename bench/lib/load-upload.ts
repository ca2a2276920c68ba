import { loadReport } from './load-findings.js';
import { type LoadPlan, type Stream, uploaderRng } from './load-plan.js';

/** Where uploads go: the server's base URL and a token that may upload. */
export interface Target {
  url: string;
  token: string;
}

/** One upload as sent and as answered. Failed ones are kept: their scan must not exist. */
export interface Attempt {
  pipeline: string;
  project: string;
  branch: string;
  /** The finding numbers the report held (load-findings). */
  ns: readonly number[];
  /** Time from sending the request to the end of the answer. */
  ms: number;
  /** HTTP status; 0 when the request failed without one (socket error). */
  status: number;
  error?: string;
  scan?: { id: number; duplicate: boolean; findings: number; new: number; reopened: number; fixed: number };
}

export const accepted = (a: Attempt) => a.status >= 200 && a.status < 300;

/** POSTs the report of `ns` to the stream's project and branch, as `gatehouse scan --upload` does. */
export async function uploadScan(
  target: Target,
  stream: Stream,
  ns: readonly number[],
  pipeline: string,
): Promise<Attempt> {
  const body = loadReport(ns, pipeline);
  const query = new URLSearchParams({ project: stream.project, branch: stream.branch, pipeline });
  const attempt: Attempt = { pipeline, project: stream.project, branch: stream.branch, ns, ms: 0, status: 0 };
  const t0 = performance.now();
  try {
    const res = await fetch(`${target.url}/api/v1/scans?${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body,
    });
    const text = await res.text();
    attempt.ms = performance.now() - t0;
    attempt.status = res.status;
    if (accepted(attempt)) attempt.scan = (JSON.parse(text) as { scan: Attempt['scan'] }).scan;
    else attempt.error = text.slice(0, 500);
  } catch (e) {
    attempt.ms = performance.now() - t0;
    attempt.error = (e as Error).message;
  }
  return attempt;
}

/**
 * Opens `n` keep-alive connections (fetch's pool keeps them) while the server is idle, for the
 * uploaders: a saturated server is slow to accept new ones (see load-readers).
 */
export async function warmConnections(url: string, n: number): Promise<void> {
  await Promise.all(Array.from({ length: n }, () => fetch(`${url}/healthz`).then((r) => r.arrayBuffer())));
}

/** Uploads a few scans of every stream (each stream's one after the other), `concurrency` at a time. */
export async function seedStreams(
  target: Target,
  plan: LoadPlan,
  scansPerStream: number,
  concurrency: number,
  seed: number,
): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const queue = plan.streams.map((stream, i) => ({ stream, i }));
  const rng = uploaderRng(seed, 10_000);
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift())
      for (let k = 0; k < scansPerStream; k++) {
        const ns = job.stream.nextScan(plan.shape.findingsPerScan, rng);
        attempts.push(await uploadScan(target, job.stream, ns, `seed-${job.i}-${k}`));
      }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return attempts;
}

/**
 * Every uploader of the plan at once, each uploading scan after scan to its streams in turn
 * while `more(uploader, done)` says so. A scan in flight when `more` turns false still finishes.
 */
export async function runUploaders(
  target: Target,
  plan: LoadPlan,
  seed: number,
  more: (uploader: number, done: number) => boolean,
): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  await Promise.all(
    plan.uploaders.map(async (streams, u) => {
      const rng = uploaderRng(seed, u);
      for (let done = 0; more(u, done); done++) {
        const stream = streams[done % streams.length]!;
        const ns = stream.nextScan(plan.shape.findingsPerScan, rng);
        attempts.push(await uploadScan(target, stream, ns, `load-u${u}-${done}`));
      }
    }),
  );
  return attempts;
}
