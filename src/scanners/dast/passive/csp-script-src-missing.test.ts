import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, MALFORMED_POLICIES, withCsp } from '../testing/pages.js';
import { cspScriptSrcMissing } from './csp-script-src-missing.js';

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
    for (const policy of MALFORMED_POLICIES)
      expect(() => runPassive(cspScriptSrcMissing, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page', () => {
    runPassive(cspScriptSrcMissing, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspScriptSrcMissing, { headers: headers(), body: `<p>${HUGE}</p>` });
  });
});
