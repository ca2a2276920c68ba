import { passiveContext } from '../context.js';
import type { Exchange, ExchangeKind, PassiveHit, PassiveRule } from '../types.js';

export interface ExchangeSpec {
  url?: string;
  method?: string;
  kind?: ExchangeKind;
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  status?: number;
  /** Header values; an array gives a repeated header (set-cookie). */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

/** An exchange as the HTTP client records one, for the rules' unit tests. */
export function exchange(spec: ExchangeSpec = {}): Exchange {
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(spec.headers ?? { 'content-type': 'text/html; charset=utf-8' }))
    headers[k.toLowerCase()] = Array.isArray(v) ? v : [v];
  const body =
    spec.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(spec.body)
        ? spec.body
        : Buffer.from(spec.body);
  return {
    kind: spec.kind ?? 'crawl',
    request: {
      method: spec.method ?? 'GET',
      url: spec.url ?? 'http://127.0.0.1:8080/',
      headers: spec.requestHeaders ?? {},
      ...(spec.requestBody !== undefined ? { body: spec.requestBody } : {}),
    },
    response: { status: spec.status ?? 200, headers, body, truncated: false, elapsedMs: 1 },
  };
}

/** Runs one passive rule on one exchange, as the scanner does. */
export function runPassive(
  rule: PassiveRule,
  spec: ExchangeSpec,
  origin = 'http://127.0.0.1:8080',
): PassiveHit[] {
  const ex = exchange(spec);
  return rule.check(ex, passiveContext(ex, origin));
}
