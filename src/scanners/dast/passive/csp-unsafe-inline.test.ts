import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, MALFORMED_POLICIES, withCsp } from '../testing/pages.js';
import { cspUnsafeInline } from './csp-unsafe-inline.js';

describe('dast/csp-unsafe-inline', () => {
  it("reports 'unsafe-inline' in script-src, or in default-src without script-src", () => {
    const hits = runPassive(
      cspUnsafeInline,
      withCsp("default-src 'self'; script-src 'self' 'unsafe-inline'"),
    );
    expect(hits).toMatchObject([{ param: 'script-src', evidence: "script-src 'self' 'unsafe-inline'" }]);
    const fallback = runPassive(cspUnsafeInline, withCsp("default-src 'self' 'UNSAFE-INLINE'; img-src *"));
    expect(fallback[0]!.message).toContain('default-src');
  });

  it("accepts 'unsafe-inline' made moot by a nonce, a hash or 'strict-dynamic'", () => {
    for (const extra of ["'nonce-r4nd0mB4se64=='", "'sha256-abc123='", "'strict-dynamic' 'nonce-x'"])
      expect(runPassive(cspUnsafeInline, withCsp(`script-src 'self' ${extra} 'unsafe-inline'`))).toEqual([]);
  });

  it('accepts unsafe-inline only in style-src, or overridden by script-src', () => {
    expect(
      runPassive(cspUnsafeInline, withCsp("default-src 'self'; style-src 'self' 'unsafe-inline'")),
    ).toEqual([]);
    expect(runPassive(cspUnsafeInline, withCsp("default-src 'unsafe-inline'; script-src 'self'"))).toEqual(
      [],
    );
  });

  it('needs every enforced policy to allow inline scripts', () => {
    const two = ["script-src 'self' 'unsafe-inline'", "script-src 'self'"];
    expect(runPassive(cspUnsafeInline, withCsp(two))).toEqual([]);
    expect(runPassive(cspUnsafeInline, withCsp("script-src 'unsafe-inline', script-src 'self'"))).toEqual([]);
    expect(
      runPassive(cspUnsafeInline, withCsp(["script-src 'unsafe-inline'", 'frame-ancestors *'])),
    ).toHaveLength(1);
  });

  it('uses the first of a repeated directive, as browsers do', () => {
    expect(runPassive(cspUnsafeInline, withCsp("script-src 'self'; script-src 'unsafe-inline'"))).toEqual([]);
  });
});

describe('dast/csp-unsafe-inline on hostile input', () => {
  it('survives malformed, huge and repeated policies', () => {
    for (const policy of MALFORMED_POLICIES)
      expect(() => runPassive(cspUnsafeInline, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page', () => {
    runPassive(cspUnsafeInline, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspUnsafeInline, { headers: headers(), body: `<p>${HUGE}</p>` });
  });
});
