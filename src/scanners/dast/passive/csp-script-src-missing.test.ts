import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { cspScriptSrcMissing } from './csp-script-src-missing.js';
import { HUGE, headers, ORDINARY } from './lib/test-pages.js';

const withCsp = (policy: string | string[] | undefined, extra: Record<string, string | undefined> = {}) => ({
  headers: headers({ 'content-security-policy': policy, ...extra }),
  body: ORDINARY,
});

describe('dast/csp-script-src-missing', () => {
  it('reports a policy that restricts no scripts', () => {
    const hits = runPassive(
      cspScriptSrcMissing,
      withCsp("frame-ancestors 'none'; upgrade-insecure-requests"),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence).toContain('frame-ancestors');
  });

  it('accepts script-src, script-src-elem or default-src, and leaves a missing policy to csp-missing', () => {
    expect(runPassive(cspScriptSrcMissing, withCsp("default-src 'self'"))).toEqual([]);
    expect(
      runPassive(cspScriptSrcMissing, withCsp("script-src-elem 'self'; frame-ancestors 'none'")),
    ).toEqual([]);
    expect(runPassive(cspScriptSrcMissing, withCsp(undefined))).toEqual([]);
  });
});

describe('dast/csp-script-src-missing on hostile input', () => {
  it('survives malformed, huge and repeated policies', () => {
    const junk = [
      ';;;,,,',
      "script-src 'unsafe-inline' \u0000\u00ff; %%%; default-src",
      `script-src ${"'self' ".repeat(50_000)}`,
      Array.from({ length: 500 }, () => "script-src 'unsafe-inline'").join(', '),
    ];
    for (const policy of junk) expect(() => runPassive(cspScriptSrcMissing, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page quickly', () => {
    const start = performance.now();
    runPassive(cspScriptSrcMissing, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspScriptSrcMissing, { headers: headers(), body: `<p>${HUGE}</p>` });
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
