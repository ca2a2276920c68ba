import { Rng } from './prng.js';

/**
 * Who uploads what in the load benchmark and its test. Each project has a pool of finding
 * numbers; each (project, branch) stream remembers the last scan it generated, and its next scan
 * keeps most of it, drops a few, brings back a few dropped earlier (reopened when the server had
 * fixed them) and adds new ones. Several uploaders may share a stream: they then upload at the
 * same time to the same project and branch, in an order only the server decides.
 */

/** Finding numbers below this are the same finding in every project (a shared library's CVE). */
const SHARED = 50;
const PER_PROJECT = 1_000_000;
const DROP = 0.03;
const RETURN = 0.01;

export class ProjectPool {
  private nextLocal = 0;
  /** Numbers some scan of this project left out, candidates to come back. */
  readonly dropped: number[] = [];

  constructor(
    readonly name: string,
    private readonly index: number,
  ) {}

  fresh(): number {
    const k = this.nextLocal++;
    return k < SHARED ? k : (this.index + 1) * PER_PROJECT + k;
  }
}

export class Stream {
  private current: number[] = [];

  /** `base`: the branch this one was cut from; its first scan starts from the base's latest. */
  constructor(
    readonly pool: ProjectPool,
    readonly branch: string,
    private readonly base?: Stream,
  ) {}

  get project(): string {
    return this.pool.name;
  }

  /** The next scan of this stream: `size` distinct finding numbers. */
  nextScan(size: number, rng: Rng): number[] {
    if (this.current.length === 0 && this.base) this.current = [...this.base.current];
    const next = new Set<number>();
    for (const n of this.current) {
      if (rng.chance(DROP)) this.pool.dropped.push(n);
      else next.add(n);
    }
    const returning = Math.round(size * RETURN);
    for (let i = 0; i < returning && this.pool.dropped.length > 0 && next.size < size; i++) {
      const at = rng.int(0, this.pool.dropped.length - 1);
      next.add(this.pool.dropped[at]!);
      this.pool.dropped.splice(at, 1);
    }
    while (next.size < size) next.add(this.pool.fresh());
    this.current = [...next].slice(0, size);
    return this.current;
  }
}

export interface LoadShape {
  /** Projects uploaders take turns on, each to its own (`${prefix}p001` …). */
  projects: number;
  /** Uploaders each working through their own share of `projects`, one at a time. */
  distinctUploaders: number;
  /** Uploaders all on the main branch of one hot project. */
  sameBranchUploaders: number;
  /** Uploaders on a second hot project, alternating between its main and release branches. */
  twoBranchUploaders: number;
  findingsPerScan: number;
  prefix: string;
}

export interface LoadPlan {
  shape: LoadShape;
  /** Every stream, for seeding: each project's main branch, and the hot projects' branches. */
  streams: Stream[];
  /** Per uploader, the streams it uploads to in turn. */
  uploaders: Stream[][];
}

const pad = (i: number) => String(i + 1).padStart(3, '0');

export function loadPlan(shape: LoadShape): LoadPlan {
  const main = Array.from(
    { length: shape.projects },
    (_, i) => new Stream(new ProjectPool(`${shape.prefix}p${pad(i)}`, i), 'main'),
  );
  const hot1 = new Stream(new ProjectPool(`${shape.prefix}hot-1`, shape.projects), 'main');
  const hot2 = new ProjectPool(`${shape.prefix}hot-2`, shape.projects + 1);
  const hot2Main = new Stream(hot2, 'main');
  const hot2Release = new Stream(hot2, 'release/1.x', hot2Main);
  const uploaders: Stream[][] = [];
  for (let u = 0; u < shape.distinctUploaders; u++) {
    const own = main.filter((_, i) => i % shape.distinctUploaders === u);
    // Fewer projects than uploaders (small runs): uploaders share them.
    uploaders.push(own.length ? own : [main[u % main.length]!]);
  }
  for (let u = 0; u < shape.sameBranchUploaders; u++) uploaders.push([hot1]);
  for (let u = 0; u < shape.twoBranchUploaders; u++)
    uploaders.push(u % 2 === 0 ? [hot2Main, hot2Release] : [hot2Release, hot2Main]);
  return { shape, streams: [...main, hot1, hot2Main, hot2Release], uploaders };
}

/** A generator of the uploader's own: runs are repeatable for the same seed and shape. */
export function uploaderRng(seed: number, uploader: number): Rng {
  return new Rng(seed * 7919 + uploader);
}
