import type { FindingCollector } from '../findings.js';
import type { HttpClient } from '../http/client.js';
import { FILE_PROBES } from '../probes/index.js';
import { learnNotFound } from '../probes/not-found.js';
import type { Scope } from '../scope.js';
import type { Exchange } from '../types.js';
import { sender } from './send.js';

/** Each probed folder costs ~40 requests: the root and a few folders find what is usually left behind. */
const MAX_PROBE_FOLDERS = 5;

/**
 * Well-known files under the root and under each folder the crawl saw (a `.env` is often left in
 * `/app/`, not `/`), each probe once per folder; what the server answers for a missing path
 * there is learnt first.
 */
export async function probePhase(
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
export function probeFolders(origin: string, seen: Exchange[]): string[] {
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
