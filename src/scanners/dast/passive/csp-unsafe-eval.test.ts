import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, MALFORMED_POLICIES, withCsp } from '../testing/pages.js';
import { cspUnsafeEval } from './csp-unsafe-eval.js';

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
    for (const policy of MALFORMED_POLICIES)
      expect(() => runPassive(cspUnsafeEval, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page', () => {
    runPassive(cspUnsafeEval, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspUnsafeEval, { headers: headers(), body: `<p>${HUGE}</p>` });
  });
});
