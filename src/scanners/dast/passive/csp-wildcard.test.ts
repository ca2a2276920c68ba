import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, MALFORMED_POLICIES, withCsp } from '../testing/pages.js';
import { cspWildcard } from './csp-wildcard.js';

describe('dast/csp-wildcard', () => {
  it('reports *, bare schemes and data: in script-src or default-src', () => {
    expect(runPassive(cspWildcard, withCsp("script-src 'self' *"))[0]!.message).toContain('allows *');
    expect(runPassive(cspWildcard, withCsp('default-src *; style-src *'))[0]!.param).toBe('default-src');
    for (const s of ['https:', 'http:', 'data:', 'https://*'])
      expect(runPassive(cspWildcard, withCsp(`script-src 'self' ${s}`)), s).toHaveLength(1);
  });

  it("accepts wildcards for images only, listed hosts, and 'strict-dynamic'", () => {
    expect(
      runPassive(cspWildcard, withCsp("default-src 'self'; script-src 'self'; object-src 'none'; img-src *")),
    ).toEqual([]);
    expect(
      runPassive(cspWildcard, withCsp("script-src 'self' https://cdn.example.com *.example.com")),
    ).toEqual([]);
    expect(runPassive(cspWildcard, withCsp("script-src 'nonce-abc' 'strict-dynamic' https: *"))).toEqual([]);
  });

  it('accepts a wildcard policy when another enforced policy restricts scripts', () => {
    expect(runPassive(cspWildcard, withCsp(['script-src *', "script-src 'self'"]))).toEqual([]);
  });
});

describe('dast/csp-wildcard on hostile input', () => {
  it('survives malformed, huge and repeated policies', () => {
    for (const policy of MALFORMED_POLICIES)
      expect(() => runPassive(cspWildcard, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page', () => {
    runPassive(cspWildcard, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspWildcard, { headers: headers(), body: `<p>${HUGE}</p>` });
  });
});
