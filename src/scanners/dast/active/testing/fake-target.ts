import { type ExchangeSpec, exchange } from '../../testing/exchange.js';
import type { ActiveContext, Exchange, InsertionPoint } from '../../types.js';

/** For the checks' unit tests: a target written as a function of the injected value. */
export interface FakeAnswer extends ExchangeSpec {
  elapsedMs?: number;
}

export type FakeApp = (value: string) => FakeAnswer | undefined;

export function point(overrides: Partial<InsertionPoint> = {}): InsertionPoint {
  return {
    method: 'GET',
    url: 'http://127.0.0.1:8080/search?q=mugs',
    location: 'query',
    name: 'q',
    value: 'mugs',
    ...overrides,
  };
}

function answer(spec: FakeAnswer, value: string): Exchange {
  const ex = exchange({
    kind: 'active',
    url: `http://127.0.0.1:8080/search?q=${encodeURIComponent(value)}`,
    ...spec,
  });
  if (spec.elapsedMs !== undefined) ex.response.elapsedMs = spec.elapsedMs;
  return ex;
}

/** A context whose every injection is answered by `app`; `sent` records the values, in order. */
export function fakeContext(app: FakeApp, p: InsertionPoint = point()): ActiveContext & { sent: string[] } {
  const sent: string[] = [];
  const base = app(p.value);
  return {
    sent,
    origin: 'http://127.0.0.1:8080',
    baseline: answer(base ?? {}, p.value),
    inject: async (value) => {
      sent.push(value);
      const spec = app(value);
      return spec ? answer(spec, value) : undefined;
    },
    send: async () => undefined,
  };
}

export const html = (body: string, extra: FakeAnswer = {}): FakeAnswer => ({
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html><head><title>Shop</title></head><body>${body}</body></html>`,
  ...extra,
});

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
