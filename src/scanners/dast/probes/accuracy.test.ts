import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../../../test/fixtures/dast/app/cases.js';
import { startVulnerableApp, type VulnerableApp } from '../../../../test/fixtures/dast/app/server.js';
import { HttpClient, isFailure } from '../http/client.js';
import type { ProbeContext } from '../types.js';
import { FILE_PROBES, learnNotFound } from './index.js';

const PROBE_CASES = CASES.filter((c) => c.mode === 'probe');

interface Found {
  rule: string;
  path: string;
  message: string;
  evidence: string;
}

describe('file probes against the vulnerable app', () => {
  let app: VulnerableApp;
  let client: HttpClient;
  const found: Found[] = [];
  let requests = 0;

  beforeAll(async () => {
    app = await startVulnerableApp();
    client = new HttpClient({
      rate: 200,
      concurrency: 4,
      timeoutMs: 10_000,
      maxBodyBytes: 2 * 1024 * 1024,
      headers: {},
    });
    const send: ProbeContext['send'] = async (req) => {
      requests++;
      const r = await client.send(req, 'probe');
      return isFailure(r) ? undefined : r;
    };
    // The fixture's safe twins sit under /shop/: a scanner probes each crawled folder, not only the root.
    for (const folder of ['/', '/shop/']) {
      const origin = new URL(folder, app.url).toString();
      const ctx: ProbeContext = { origin, send, looksNotFound: await learnNotFound(send, origin) };
      for (const probe of FILE_PROBES)
        for (const hit of await probe.run(ctx))
          found.push({
            rule: probe.rule.id,
            path: new URL(hit.exchange.request.url).pathname,
            message: hit.message,
            evidence: hit.evidence ?? '',
          });
    }
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it('finds every exposed file and flags no safe twin', () => {
    const matches = (cls: string, path: string) =>
      found.filter((f) => f.rule === `dast/${cls}` && f.path === path);
    const classes = [...new Set(PROBE_CASES.map((c) => c.class))];
    const rows = classes.map((cls) => {
      const of = PROBE_CASES.filter((c) => c.class === cls);
      const vulnerable = of.filter((c) => c.variant === 'vulnerable');
      const labelled = new Set(vulnerable.map((c) => c.path));
      return {
        class: cls,
        detected: `${vulnerable.filter((c) => matches(cls, c.path).length > 0).length}/${vulnerable.length}`,
        'false positives': PROBE_CASES.filter(
          (c) => c.variant === 'safe' && found.some((f) => f.path === c.path),
        ).filter((c) => c.class === cls).length,
        unlabelled: found.filter((f) => f.rule === `dast/${cls}` && !labelled.has(f.path)).length,
      };
    });
    console.log(`file probes, per class (${requests} requests for two folders)`);
    console.table(rows);

    const missed = PROBE_CASES.filter(
      (c) => c.variant === 'vulnerable' && matches(c.class, c.path).length === 0,
    ).map((c) => c.id);
    const vulnerableKeys = new Set(
      PROBE_CASES.filter((c) => c.variant === 'vulnerable').map((c) => `dast/${c.class} ${c.path}`),
    );
    const wrong = found
      .filter((f) => !vulnerableKeys.has(`${f.rule} ${f.path}`))
      .map((f) => `${f.rule} ${f.path}`);
    expect(missed).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('keeps secrets out of messages and evidence', () => {
    const text = found.map((f) => `${f.message}\n${f.evidence}`).join('\n');
    expect(text).not.toContain('example-not-a-secret');
    expect(text).toContain('DB_PASSWORD=');
  });
});
