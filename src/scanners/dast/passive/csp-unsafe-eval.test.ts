import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { cspUnsafeEval } from './csp-unsafe-eval.js';
import { HUGE, headers, ORDINARY } from './lib/test-pages.js';

const withCsp = (policy: string | string[] | undefined, extra: Record<string, string | undefined> = {}) => ({
  headers: headers({ 'content-security-policy': policy, ...extra }),
  body: ORDINARY,
});

describe('dast/csp-unsafe-eval', () => {
  it("reports 'unsafe-eval', even next to a nonce", () => {
    expect(runPassive(cspUnsafeEval, withCsp("script-src 'nonce-abc' 'unsafe-eval'"))).toMatchObject([
      { param: 'script-src' },
    ]);
    expect(runPassive(cspUnsafeEval, withCsp("default-src 'self' 'unsafe-eval'"))).toHaveLength(1);
  });

  it("accepts 'wasm-unsafe-eval' and unsafe-eval outside script directives", () => {
    expect(runPassive(cspUnsafeEval, withCsp("script-src 'self' 'wasm-unsafe-eval'"))).toEqual([]);
    expect(runPassive(cspUnsafeEval, withCsp("default-src 'self' 'unsafe-eval'; script-src 'self'"))).toEqual(
      [],
    );
  });
});

describe('dast/csp-unsafe-eval on hostile input', () => {
  it('survives malformed, huge and repeated policies', () => {
    const junk = [
      ';;;,,,',
      "script-src 'unsafe-inline' \u0000\u00ff; %%%; default-src",
      `script-src ${"'self' ".repeat(50_000)}`,
      Array.from({ length: 500 }, () => "script-src 'unsafe-inline'").join(', '),
    ];
    for (const policy of junk) expect(() => runPassive(cspUnsafeEval, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page quickly', () => {
    const start = performance.now();
    runPassive(cspUnsafeEval, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspUnsafeEval, { headers: headers(), body: `<p>${HUGE}</p>` });
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
