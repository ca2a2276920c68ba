import { ACTIVE_CHECKS, activeContext, insertionPoints } from '../active/index.js';
import type { FindingCollector } from '../findings.js';
import type { HttpClient } from '../http/client.js';
import type { Scope } from '../scope.js';
import type { Exchange, InsertionPoint } from '../types.js';

/** Every active check on every insertion point of the requests the crawl and the API made. */
export async function activePhase(
  seen: Exchange[],
  client: HttpClient,
  scope: Scope,
  collector: FindingCollector,
  signal: AbortSignal,
  onProgress: ((phase: string, done: number, queued: number) => void) | undefined,
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
