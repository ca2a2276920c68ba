import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type DastCase } from '../../../../test/fixtures/dast/app/cases.js';
import { startVulnerableApp, type VulnerableApp } from '../../../../test/fixtures/dast/app/server.js';
import { HttpClient, isFailure, type OutgoingRequest } from '../http/client.js';
import type { Exchange } from '../types.js';
import { confirmByTiming } from './command-injection.js';
import { activeContext, insertionPoints } from './context.js';
import { ACTIVE_CHECKS } from './index.js';

const ACTIVE = CASES.filter((c) => c.mode === 'active');

interface Outcome {
  c: DastCase;
  /** Rule ids that confirmed something on the case's point. */
  fired: string[];
  /** Requests per check id. */
  requests: Record<string, number>;
}

function firstRequest(app: VulnerableApp, c: DastCase): OutgoingRequest {
  const url = new URL(c.path, app.url);
  const param = c.param ?? '';
  const value = c.value ?? '';
  if (c.method === 'GET') {
    url.searchParams.set(param, value);
    return { method: 'GET', url: url.toString() };
  }
  if (c.path.startsWith('/api/'))
    return {
      method: 'POST',
      url: url.toString(),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ [param]: value, format: 'csv' }),
    };
  return {
    method: 'POST',
    url: url.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ [param]: value }).toString(),
  };
}

describe('active checks against the vulnerable app', () => {
  let app: VulnerableApp;
  let client: HttpClient;
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    app = await startVulnerableApp();
    client = new HttpClient({
      rate: 200,
      concurrency: 4,
      timeoutMs: 10_000,
      maxBodyBytes: 2 * 1024 * 1024,
      headers: {},
    });
    const inScope = (url: string) => new URL(url).origin === app.url;
    outcomes = await Promise.all(
      ACTIVE.map(async (c): Promise<Outcome> => {
        const sent = await client.send(firstRequest(app, c), 'crawl');
        if (isFailure(sent)) throw new Error(`${c.id}: ${sent.error}`);
        const baseline: Exchange = sent;
        const point = insertionPoints(baseline).find((p) => p.name === c.param);
        if (!point) throw new Error(`${c.id}: no insertion point for ${c.param}`);
        const fired: string[] = [];
        const requests: Record<string, number> = {};
        for (const check of ACTIVE_CHECKS) {
          if (check.applies && !check.applies(point)) continue;
          let count = 0;
          const counting = {
            send: (...args: Parameters<HttpClient['send']>) => {
              count++;
              return client.send(...args);
            },
          };
          const hits = await check.run(point, activeContext(point, baseline, counting, inScope, app.url));
          requests[check.rule.id] = count;
          if (hits.length > 0) fired.push(check.rule.id);
        }
        return { c, fired, requests };
      }),
    );
  }, 90_000);

  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it('confirms every vulnerable case with the check of its class and flags no safe twin', () => {
    const classes = [...new Set(ACTIVE.map((c) => c.class))];
    const rows = classes.map((cls) => {
      const of = outcomes.filter((o) => o.c.class === cls);
      const vulnerable = of.filter((o) => o.c.variant === 'vulnerable');
      const detected = vulnerable.filter((o) => o.fired.includes(`dast/${cls}`)).length;
      const falsePositives = outcomes.filter(
        (o) => o.c.variant === 'safe' && o.fired.includes(`dast/${cls}`),
      ).length;
      const unlabelled = outcomes.filter(
        (o) => o.c.variant === 'vulnerable' && o.c.class !== cls && o.fired.includes(`dast/${cls}`),
      ).length;
      const counts = outcomes
        .map((o) => o.requests[`dast/${cls}`])
        .filter((n): n is number => n !== undefined);
      return {
        class: cls,
        detected: `${detected}/${vulnerable.length}`,
        'false positives': falsePositives,
        unlabelled,
        'requests/point (max)': Math.max(0, ...counts),
        'requests/point (mean)': counts.length
          ? +(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(1)
          : 0,
      };
    });
    console.log('active checks, per class');
    console.table(rows);

    const missed = outcomes
      .filter((o) => o.c.variant === 'vulnerable' && !o.fired.includes(`dast/${o.c.class}`))
      .map((o) => o.c.id);
    const wrong = outcomes
      .filter((o) =>
        o.c.variant === 'safe' ? o.fired.length > 0 : o.fired.some((id) => id !== `dast/${o.c.class}`),
      )
      .map((o) => `${o.c.id}: ${o.fired.join(', ')}`);
    expect(missed).toEqual([]);
    expect(wrong).toEqual([]);
  });

  // The app prints `echo` output, so the run above confirms by output: time the sleeps separately.
  it('confirms command injection by timing, and not on the jittery safe twin', async () => {
    const inScope = (url: string) => new URL(url).origin === app.url;
    const results = await Promise.all(
      ACTIVE.filter((c) => c.class === 'command-injection').map(async (c) => {
        const sent = await client.send(firstRequest(app, c), 'crawl');
        if (isFailure(sent)) throw new Error(sent.error);
        const point = insertionPoints(sent).find((p) => p.name === c.param)!;
        const hits = await confirmByTiming(point, activeContext(point, sent, client, inScope, app.url));
        return `${c.variant}: ${hits.length}`;
      }),
    );
    expect(results.sort()).toEqual(['safe: 0', 'vulnerable: 1']);
  }, 30_000);

  it('never leaves the app', () => {
    expect(app.requests().filter((r) => r.server !== 'app')).toEqual([]);
  });
});
