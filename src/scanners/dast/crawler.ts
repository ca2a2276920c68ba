import { passiveContext } from './context.js';
import { type Lead, pageLeads, robotsLeads, scriptLeads, sitemapLeads } from './discover.js';
import { type Failure, type HttpClient, isFailure } from './http/client.js';
import type { Scope } from './scope.js';
import type { Exchange } from './types.js';

export interface CrawlOptions {
  maxPages: number;
  maxDepth: number;
  /** POST forms change state: submitted only when the user asked for active testing. */
  submitPostForms: boolean;
  signal?: AbortSignal;
  onExchange(exchange: Exchange): void;
  onFailure(failure: Failure): void;
  onProgress?(done: number, queued: number): void;
}

export interface CrawlSummary {
  requested: number;
  /** The crawl stopped because of the page limit or the time budget, with work left. */
  cutShort?: 'max-pages' | 'time-budget';
  byVia: Record<string, number>;
}

/** Files a crawler gains nothing from fetching: no links, no markup for the passive rules. */
const SKIP =
  /\.(?:png|jpe?g|gif|webp|ico|bmp|tiff?|woff2?|ttf|otf|eot|mp[34]|m4a|ogg|webm|avi|mov|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|exe|dmg|iso|deb|rpm)$/i;
const JS_TYPES = /javascript|ecmascript/;
/**
 * GET requests say they come from another site, as a cross-origin fetch would: a server that
 * echoes any Origin back with credentials allowed then shows it to the CORS rules. POSTs do not,
 * so a server's CSRF defence never rejects the crawler's form submissions.
 */
export const FOREIGN_ORIGIN = 'https://gatehouse-cors-check.example';

/**
 * Breadth first from the seeds, each URL once (by method, path and parameter names: a catalogue
 * with 10,000 `?id=` values is one page to a scanner), within the scope, the page limit, the depth
 * limit and the time budget. Every response goes to `onExchange` for the passive rules.
 */
export async function crawl(
  seeds: Lead[],
  client: HttpClient,
  scope: Scope,
  options: CrawlOptions,
): Promise<CrawlSummary> {
  const seen = new Set<string>();
  const queue: { lead: Lead; depth: number }[] = [];
  const summary: CrawlSummary = { requested: 0, byVia: {} };
  const enqueue = (lead: Lead, depth: number) => {
    if (depth > options.maxDepth || SKIP.test(new URL(lead.url).pathname) || !scope.allows(lead.url)) return;
    const key = leadKey(lead);
    if (seen.has(key)) return;
    seen.add(key);
    queue.push({ lead, depth });
  };
  for (const s of seeds) enqueue(s, 0);
  let active = 0;
  let wake: (() => void)[] = [];
  const notify = () => {
    const w = wake;
    wake = [];
    for (const f of w) f();
  };
  const next = async () => {
    // An empty queue is final only when no request in flight can still add to it.
    while (queue.length === 0 && active > 0 && !options.signal?.aborted)
      await new Promise<void>((r) => wake.push(r));
    return queue.shift();
  };
  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) {
        if (queue.length > 0) summary.cutShort = 'time-budget';
        notify();
        return;
      }
      const item = await next();
      if (!item) {
        notify();
        return;
      }
      active++;
      try {
        await visit(item);
      } finally {
        active--;
        notify();
      }
    }
  };
  options.signal?.addEventListener('abort', notify, { once: true });
  const visit = async (item: { lead: Lead; depth: number }) => {
    if (summary.requested >= options.maxPages) {
      summary.cutShort = 'max-pages';
      queue.length = 0;
      return;
    }
    summary.requested++;
    summary.byVia[item.lead.via] = (summary.byVia[item.lead.via] ?? 0) + 1;
    const res = await client.send(
      {
        method: item.lead.method,
        url: item.lead.url,
        ...(item.lead.body !== undefined
          ? { body: item.lead.body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }
          : { headers: { origin: FOREIGN_ORIGIN } }),
      },
      'crawl',
    );
    if (isFailure(res)) {
      if (!options.signal?.aborted) options.onFailure(res);
    } else {
      options.onExchange(res);
      for (const lead of leadsOf(res, scope.origin, options.submitPostForms)) enqueue(lead, item.depth + 1);
    }
    options.onProgress?.(summary.requested, queue.length);
  };
  // The client limits concurrency and rate; the workers only keep it busy.
  await Promise.all(Array.from({ length: 8 }, worker));
  return summary;
}

function leadKey(lead: Lead): string {
  const url = new URL(lead.url);
  const params = [...new Set(url.searchParams.keys())].sort().join('&');
  const bodyParams = lead.body ? [...new Set(new URLSearchParams(lead.body).keys())].sort().join('&') : '';
  return `${lead.method} ${url.origin}${url.pathname}?${params}#${bodyParams}`;
}

function leadsOf(ex: Exchange, origin: string, submitPostForms: boolean): Lead[] {
  const { status } = ex.response;
  const url = ex.request.url;
  const ctx = passiveContext(ex, origin);
  if (status >= 300 && status < 400) {
    const location = ctx.header('location');
    if (!location) return [];
    try {
      return [{ method: 'GET', url: new URL(location, url).toString(), via: 'redirect' }];
    } catch {
      return [];
    }
  }
  const path = new URL(url).pathname;
  if (path === '/robots.txt' && status === 200) return robotsLeads(ctx.text(), url);
  if (/sitemap[^/]*\.xml$/i.test(path) && status === 200) return sitemapLeads(ctx.text(), url);
  if (JS_TYPES.test(ctx.contentType)) return scriptLeads(ctx.text(), url);
  const page = ctx.page();
  if (!page) return [];
  return [...pageLeads(page, submitPostForms), ...page.inlineScripts.flatMap((s) => scriptLeads(s, url))];
}
