import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html, MALFORMED_POLICIES, withCsp } from '../testing/pages.js';
import { cspMissing } from './csp-missing.js';

describe('dast/csp-missing', () => {
  it('reports an HTML page without a policy, and one with only Report-Only', () => {
    const hits = runPassive(cspMissing, withCsp(undefined));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('no Content-Security-Policy');
    const reportOnly = runPassive(
      cspMissing,
      withCsp(undefined, { 'content-security-policy-report-only': "default-src 'self'" }),
    );
    expect(reportOnly[0]!.message).toContain('Report-Only');
    expect(reportOnly[0]!.evidence).toContain("default-src 'self'");
    expect(runPassive(cspMissing, withCsp(' ; '))[0]!.message).toContain('empty');
  });

  it('accepts an enforced header or a <meta> policy', () => {
    expect(runPassive(cspMissing, withCsp("default-src 'self'"))).toEqual([]);
    const meta = html(
      'Orders',
      '<p>x</p>',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">`,
    );
    expect(
      runPassive(cspMissing, { headers: headers({ 'content-security-policy': undefined }), body: meta }),
    ).toEqual([]);
  });

  it('does not judge JSON, redirects or empty answers', () => {
    const noCsp = headers({ 'content-security-policy': undefined });
    expect(
      runPassive(cspMissing, { headers: { ...noCsp, 'content-type': 'application/json' }, body: '{}' }),
    ).toEqual([]);
    expect(runPassive(cspMissing, { headers: noCsp, status: 302, body: '' })).toEqual([]);
    expect(runPassive(cspMissing, { headers: noCsp, status: 200 })).toEqual([]);
  });
});

describe('dast/csp-missing on hostile input', () => {
  it('survives malformed, huge and repeated policies', () => {
    for (const policy of MALFORMED_POLICIES)
      expect(() => runPassive(cspMissing, withCsp(policy))).not.toThrow();
  });

  it('reads a 5 MB page', () => {
    runPassive(cspMissing, {
      headers: headers({ 'content-security-policy': undefined }),
      body: `<p>${HUGE}</p>`,
    });
    runPassive(cspMissing, { headers: headers(), body: `<p>${HUGE}</p>` });
  });
});
