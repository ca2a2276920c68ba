import { setMaxListeners } from 'node:events';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { FindingDraft } from '../../core/finding.js';
import type { Rule } from '../../core/rule.js';
import { ACTIVE_CHECKS } from './active/index.js';
import { type CrawlSummary, crawl } from './crawler.js';
import { diag } from './diagnostics.js';
import type { Lead } from './discover.js';
import { FindingCollector } from './findings.js';
import { HttpClient } from './http/client.js';
import { PASSIVE_RULES } from './passive/index.js';
import { activePhase } from './phases/active.js';
import { apiPhase, sendApiRequests } from './phases/api.js';
import { failureReporter, passiveRunner } from './phases/passive.js';
import { probeFolders, probePhase } from './phases/probe.js';
import { FILE_PROBES } from './probes/index.js';
import { Scope } from './scope.js';
import type { Exchange } from './types.js';

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

/** Requests whose parameters the active phase attacks, at most. */
const MAX_ACTIVE_REQUESTS = 500;

/** Every rule the scan can raise, for the report and the rules reference. */
export function dastRules(): Rule[] {
  return [...PASSIVE_RULES, ...FILE_PROBES, ...ACTIVE_CHECKS].map((r) => r.rule);
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
    if (client.stats.backoffs > 0)
      diagnostics.push(
        diag(
          'info',
          'rate-lowered',
          `the server asked to slow down (429/503 with Retry-After) ${client.stats.backoffs} time(s): the rate went down to ${client.rate} requests/s`,
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
