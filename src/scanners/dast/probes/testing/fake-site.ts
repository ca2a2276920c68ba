import { type ExchangeSpec, exchange } from '../../testing/exchange.js';
import type { Exchange, ProbeContext } from '../../types.js';
import { learnNotFound } from '../not-found.js';

/** For the probes' unit tests: a site as a map of paths to answers, everything else a soft-404. */
export type FakeSite = Record<string, ExchangeSpec | 'fail'>;

export const ORIGIN = 'http://127.0.0.1:8080';

export function softNotFound(path: string): ExchangeSpec {
  return {
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Sorry, we could not find ${path}.</p><p>Try the <a href="/shop/">shop</a>.</p></body></html>`,
  };
}

export function siteSend(site: FakeSite, missing: (path: string) => ExchangeSpec = softNotFound) {
  const requested: string[] = [];
  const send: ProbeContext['send'] = async (req) => {
    const path = new URL(req.url).pathname;
    requested.push(path);
    const spec = site[path] ?? missing(path);
    if (spec === 'fail') return undefined;
    return exchange({ kind: 'probe', url: req.url, ...spec });
  };
  return { send, requested };
}

export async function siteContext(
  site: FakeSite,
  origin = ORIGIN,
): Promise<ProbeContext & { requested: string[] }> {
  const { send, requested } = siteSend(site);
  const looksNotFound: (ex: Exchange) => boolean = await learnNotFound(send, origin);
  return { origin, send, looksNotFound, requested };
}

export const text = (body: string | Buffer, type = 'text/plain'): ExchangeSpec => ({
  headers: { 'content-type': type },
  body,
});
