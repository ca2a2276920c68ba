import { setMaxListeners } from 'node:events';
import type { Diagnostic } from '../../core/diagnostic.js';
import { UserError } from '../../core/errors.js';
import type { FindingDraft } from '../../core/finding.js';
import type { Rule } from '../../core/rule.js';
import { ACTIVE_CHECKS, activeContext, insertionPoints } from './active/index.js';
import { passiveContext } from './context.js';
import { type CrawlSummary, crawl } from './crawler.js';
import type { Lead } from './discover.js';
import { FindingCollector } from './findings.js';
import { type Failure, HttpClient, isFailure } from './http/client.js';
import { type ApiRequest, apiRequests, readSpec } from './openapi.js';
import { PASSIVE_RULES } from './passive/index.js';
import { FILE_PROBES } from './probes/index.js';
import { learnNotFound } from './probes/not-found.js';
import { Scope } from './scope.js';
import { type Exchange, type InsertionPoint, SCANNER } from './types.js';

export interface DastOptions {
  target: URL;
  active: boolean;
  /** An OpenAPI 3 document (file or URL) whose operations are exercised after the crawl. */
  openapi?: string;
  /** Sent with every request (`--auth-header`, `--cookie`). */
  headers: Record<string, string>;
  include?: RegExp[];
  exclude?: RegExp[];
  maxDurationMs: number;
  /** Requests per second. */
  rate: number;
  concurrency?: number;
  maxPages?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  onProgress?(phase: string, done: number, queued: number): void;
  /** Every sighting before sightings are grouped into findings (the accuracy scorer counts them per URL). */
  onHit?(ruleId: string, exchange: Exchange): void;
}

export interface DastScan {
  drafts: FindingDraft[];
  diagnostics: Diagnostic[];
  rules: Rule[];
  /** The time budget ran out with work left: the report is marked partial. */
  partial: boolean;
  crawl: CrawlSummary;
  requests: number;
  outOfScope: number;
  durationMs: number;
}

const MAX_FAILURE_DIAGNOSTICS = 50;
/** Each probed folder costs ~40 requests: the root and a few folders find what is usually left behind. */
const MAX_PROBE_FOLDERS = 5;
/** Requests whose parameters the active phase attacks, at most. */
const MAX_ACTIVE_REQUESTS = 500;

/** Every rule the scan can raise, for the report and the rules reference. */
export function dastRules(): Rule[] {
  return [...PASSIVE_RULES, ...FILE_PROBES, ...ACTIVE_CHECKS].map((r) => r.rule);
}

/** Reads the API document and turns it into requests; problems with single operations are warnings. */
async function apiPhase(
  spec: string,
  target: URL,
  client: HttpClient,
  diagnostics: Diagnostic[],
): Promise<ApiRequest[]> {
  const doc = await readSpec(spec, async (url) => {
    const res = await client.send({ method: 'GET', url }, 'openapi');
    if (isFailure(res)) throw new UserError(`--openapi ${url}: ${res.error}`);
    if (res.response.status !== 200) throw new UserError(`--openapi ${url}: HTTP ${res.response.status}`);
    return res.response.body.toString('utf8');
  });
  const { requests, problems } = apiRequests(doc, target);
  for (const p of problems)
    diagnostics.push(diag('warning', 'openapi-operation', `--openapi ${spec}: ${p}; operation skipped`));
  return requests;
}

async function sendApiRequests(
  requests: ApiRequest[],
  client: HttpClient,
  scope: Scope,
  observe: (ex: Exchange) => void,
  onFailure: (f: Failure) => void,
): Promise<void> {
  await Promise.all(
    requests
      .filter((r) => scope.allows(r.url))
      .map(async (r) => {
        const res = await client.send(
          {
            method: r.method,
            url: r.url,
            headers: r.headers,
            ...(r.body !== undefined ? { body: r.body } : {}),
          },
          'openapi',
        );
        if (isFailure(res)) onFailure(res);
        else observe(res);
      }),
  );
}

/**
 * Well-known files under the root and under each folder the crawl saw (a `.env` is often left in
 * `/app/`, not `/`), each probe once per folder; what the server answers for a missing path
 * there is learnt first.
 */
async function probePhase(
  folders: string[],
  client: HttpClient,
  scope: Scope,
  collector: FindingCollector,
  passive: (ex: Exchange) => void,
) {
  const send = sender(client, scope, 'probe');
  for (const folder of folders) {
    const looksNotFound = await learnNotFound(send, folder);
    const ctx = { origin: folder, send, looksNotFound };
    for (const probe of FILE_PROBES) {
      for (const hit of await probe.run(ctx)) {
        collector.add(probe.rule, 'page', hit, hit.exchange);
        passive(hit.exchange);
      }
    }
  }
}

/** The root, then the folders crawled pages live in, shallowest first, at most MAX_PROBE_FOLDERS. */
function probeFolders(origin: string, seen: Exchange[]): string[] {
  const folders = new Set<string>([`${origin}/`]);
  const candidates = seen
    .filter((ex) => ex.response.status < 400)
    .map((ex) => {
      const url = new URL(ex.request.url);
      return `${url.origin}${url.pathname.replace(/[^/]*$/, '')}`;
    })
    .filter((f) => f.startsWith(`${origin}/`))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  for (const f of candidates) {
    if (folders.size >= MAX_PROBE_FOLDERS) break;
    folders.add(f);
  }
  return [...folders];
}

/** Every active check on every insertion point of the requests the crawl and the API made. */
async function activePhase(
  seen: Exchange[],
  client: HttpClient,
  scope: Scope,
  collector: FindingCollector,
  signal: AbortSignal,
  onProgress: DastOptions['onProgress'],
) {
  const points = uniquePoints(
    seen.flatMap((ex) => insertionPoints(ex).map((point) => ({ point, baseline: ex }))),
  );
  let done = 0;
  for (const { point, baseline } of points) {
    if (signal.aborted) return;
    const ctx = activeContext(point, baseline, client, (url) => scope.allows(url), scope.origin);
    for (const check of ACTIVE_CHECKS) {
      if (check.applies && !check.applies(point)) continue;
      for (const hit of await check.run(point, ctx))
        collector.add(check.rule, 'page', { ...hit, param: point.name }, hit.exchange);
    }
    onProgress?.('active', ++done, points.length - done);
  }
}

function uniquePoints<T extends { point: InsertionPoint }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter(({ point }) => {
    const key = `${point.method} ${new URL(point.url).pathname} ${point.location}:${point.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sender(client: HttpClient, scope: Scope, kind: 'probe' | 'active') {
  return async (req: { method: string; url: string; headers?: Record<string, string>; body?: string }) => {
    if (!scope.allows(req.url)) return undefined;
    const res = await client.send(req, kind);
    return isFailure(res) ? undefined : res;
  };
}

/**
 * A baseline scan: crawl the target within its scope and the time budget, and run every passive
 * rule on every response. Nothing is sent that a browser following the site's own links and GET
 * forms would not send, unless `active` is set.
 */
export async function scanDast(options: DastOptions): Promise<DastScan> {
  const started = Date.now();
  const budget = new AbortController();
  // Every request in flight and every wait for a rate slot listens to the budget.
  setMaxListeners(0, budget.signal);
  const timer = setTimeout(() => budget.abort(), options.maxDurationMs);
  const client = new HttpClient({
    rate: options.rate,
    concurrency: options.concurrency ?? 4,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    headers: options.headers,
    signal: budget.signal,
  });
  const scope = new Scope(options.target, {
    ...(options.include ? { include: options.include } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
  const collector = new FindingCollector(options.onHit);
  const diagnostics: Diagnostic[] = [];
  const failures = failureReporter(diagnostics);
  const passive = passiveRunner(collector, scope.origin, diagnostics);
  const seen: Exchange[] = [];
  const observe = (ex: Exchange) => {
    passive(ex);
    if (seen.length < MAX_ACTIVE_REQUESTS) seen.push(ex);
  };
  try {
    // The API document is read first: a mistake in it is the user's, said before any request.
    const api = options.openapi ? await apiPhase(options.openapi, options.target, client, diagnostics) : [];
    const crawlSummary = await crawl(seeds(options.target), client, scope, {
      maxPages: options.maxPages ?? 2_000,
      maxDepth: 10,
      submitPostForms: options.active,
      signal: budget.signal,
      onExchange: observe,
      onFailure: failures.add,
      onProgress: (done, queued) => options.onProgress?.('crawl', done, queued),
    });
    await sendApiRequests(api, client, scope, observe, failures.add);
    if (!budget.signal.aborted)
      await probePhase(probeFolders(scope.origin, seen), client, scope, collector, passive);
    if (options.active && !budget.signal.aborted)
      await activePhase(seen, client, scope, collector, budget.signal, options.onProgress);
    failures.finish();
    const partial = budget.signal.aborted;
    if (partial)
      diagnostics.push(
        diag(
          'warning',
          'time-budget',
          `the time budget (${Math.round(options.maxDurationMs / 1000)} s) ran out: the report is partial`,
        ),
      );
    if (crawlSummary.cutShort === 'max-pages')
      diagnostics.push(
        diag(
          'warning',
          'max-pages',
          `the crawl stopped at ${options.maxPages ?? 2_000} requests with pages left`,
        ),
      );
    return {
      drafts: collector.drafts(),
      diagnostics,
      rules: dastRules(),
      partial,
      crawl: crawlSummary,
      requests: client.stats.sent,
      outOfScope: scope.skipped.size,
      durationMs: Date.now() - started,
    };
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

function seeds(target: URL): Lead[] {
  return [
    { method: 'GET', url: target.toString(), via: 'seed' },
    { method: 'GET', url: new URL('/robots.txt', target).toString(), via: 'robots' },
    { method: 'GET', url: new URL('/sitemap.xml', target).toString(), via: 'sitemap' },
  ];
}

/** Every passive rule on one response; a rule that throws is reported once and the scan goes on. */
function passiveRunner(collector: FindingCollector, origin: string, diagnostics: Diagnostic[]) {
  const broken = new Set<string>();
  return (ex: Exchange) => {
    const ctx = passiveContext(ex, origin);
    for (const r of PASSIVE_RULES) {
      if (broken.has(r.rule.id)) continue;
      try {
        for (const hit of r.check(ex, ctx)) collector.add(r.rule, r.scope, hit, ex);
      } catch (e) {
        broken.add(r.rule.id);
        diagnostics.push(
          diag(
            'error',
            'rule-failed',
            `rule ${r.rule.id} failed on ${ex.request.url}: ${(e as Error).message}`,
          ),
        );
      }
    }
  };
}

/** Failed requests: the first few by name, then a count, so one dead server does not drown the report. */
function failureReporter(diagnostics: Diagnostic[]) {
  let count = 0;
  return {
    add: (f: Failure) => {
      count++;
      if (count <= MAX_FAILURE_DIAGNOSTICS)
        diagnostics.push(
          diag(
            'warning',
            'request-failed',
            `${f.request.method} ${f.request.url}: ${f.error}`,
            f.request.url,
          ),
        );
    },
    finish: () => {
      if (count > MAX_FAILURE_DIAGNOSTICS)
        diagnostics.push(
          diag('warning', 'request-failed', `${count - MAX_FAILURE_DIAGNOSTICS} more requests failed`),
        );
    },
  };
}

function diag(level: Diagnostic['level'], code: string, message: string, path?: string): Diagnostic {
  return { level, code, message, scanner: SCANNER, ...(path ? { path } : {}) };
}
