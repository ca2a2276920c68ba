import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type DastCase } from '../../../../test/fixtures/dast/app/cases.js';
import { startVulnerableApp, type VulnerableApp } from '../../../../test/fixtures/dast/app/server.js';
import { passiveContext } from '../context.js';
import type { Exchange } from '../types.js';
import { PASSIVE_RULES } from './index.js';

/**
 * The passive rules against the deliberately vulnerable app: each labelled passive case is
 * fetched as a crawler would (with an Origin header, so CORS reflection shows), and every rule
 * runs on the answer. source-map-exposed judges the map the crawler fetches after the script,
 * so its cases are fetched at the map the script names.
 */
const OWNED = new Set(PASSIVE_RULES.map((r) => r.rule.id.slice('dast/'.length)));
/** Classes a passive rule may raise on a case page of another class, by design. */
const EXPECTED_EXTRA: Readonly<Record<string, string>> = {};
/** Where a class's evidence is: the case's path, or (source maps) the file it names. */
const evidencePath = (c: DastCase) => (c.class === 'source-map-exposed' ? `${c.path}.map` : c.path);

let app: VulnerableApp;
const fired = new Map<string, Set<string>>();

async function rulesOn(path: string): Promise<Set<string>> {
  const url = new URL(path, app.url).href;
  const requestHeaders = { origin: 'https://attacker.example.net' };
  const res = await fetch(url, { headers: requestHeaders, redirect: 'manual' });
  const headers: Record<string, string[]> = {};
  res.headers.forEach((v, k) => {
    if (k !== 'set-cookie') headers[k] = [v];
  });
  if (res.headers.getSetCookie().length > 0) headers['set-cookie'] = res.headers.getSetCookie();
  const body = Buffer.from(await res.arrayBuffer());
  const ex: Exchange = {
    kind: 'crawl',
    request: { method: 'GET', url, headers: requestHeaders },
    response: { status: res.status, headers, body, truncated: false, elapsedMs: 1 },
  };
  const ctx = passiveContext(ex, new URL(app.url).origin);
  return new Set(
    PASSIVE_RULES.filter((r) => r.check(ex, ctx).length > 0).map((r) => r.rule.id.slice('dast/'.length)),
  );
}

beforeAll(async () => {
  app = await startVulnerableApp();
  for (const path of new Set(
    CASES.filter((c) => c.mode === 'passive').flatMap((c) => [c.path, evidencePath(c)]),
  ))
    fired.set(path, await rulesOn(path));
});

afterAll(async () => {
  await app?.close();
});

const passive = (variant: DastCase['variant']) =>
  CASES.filter((c) => c.mode === 'passive' && c.variant === variant && OWNED.has(c.class)).map(
    (c) => [c.id, c] as const,
  );

describe('the vulnerable app, passively', () => {
  it.each(passive('vulnerable'))('flags %s', (_id, c) => {
    expect([...fired.get(evidencePath(c))!]).toContain(c.class);
  });

  it.each(passive('safe'))('does not flag %s', (_id, c) => {
    expect([...fired.get(evidencePath(c))!]).not.toContain(c.class);
  });

  it('raises no other class on a case page', () => {
    const extra: string[] = [];
    for (const [path, ids] of fired) {
      const classes = CASES.filter((c) => c.path === path || evidencePath(c) === path).map((c) => c.class);
      const allowed = new Set([...classes, ...classes.map((c) => EXPECTED_EXTRA[c] ?? c)]);
      for (const id of ids) if (!allowed.has(id)) extra.push(`${id} on ${path}`);
    }
    expect(extra).toEqual([]);
  });
});
