import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html, ORDINARY } from '../testing/pages.js';
import { frameProtectionMissing } from './frame-protection-missing.js';

const NO_ANCESTORS = "default-src 'self'; script-src 'self'; object-src 'none'";
const check = (changes: Record<string, string | string[] | undefined>, body = ORDINARY) =>
  runPassive(frameProtectionMissing, { headers: headers(changes), body });

describe('dast/frame-protection-missing', () => {
  it('reports a page with neither X-Frame-Options nor frame-ancestors', () => {
    const hits = check({ 'x-frame-options': undefined, 'content-security-policy': NO_ANCESTORS });
    expect(hits).toEqual([
      { message: 'the page has neither X-Frame-Options nor a CSP frame-ancestors directive' },
    ]);
  });

  it('reports ALLOW-FROM, unknown values and wildcard frame-ancestors', () => {
    const allowFrom = check({
      'x-frame-options': 'ALLOW-FROM https://partner.example.com/',
      'content-security-policy': NO_ANCESTORS,
    });
    expect(allowFrom[0]!.message).toContain('ALLOW-FROM');
    expect(check({ 'x-frame-options': 'ALLOWALL', 'content-security-policy': NO_ANCESTORS })).toHaveLength(1);
    // frame-ancestors overrides X-Frame-Options, so DENY does not save a wildcard.
    expect(check({ 'content-security-policy': 'frame-ancestors *', 'x-frame-options': 'DENY' })).toHaveLength(
      1,
    );
  });

  it('accepts frame-ancestors, or X-Frame-Options DENY/SAMEORIGIN in any case', () => {
    expect(
      check({ 'x-frame-options': undefined, 'content-security-policy': "frame-ancestors 'self'" }),
    ).toEqual([]);
    expect(check({ 'x-frame-options': 'sameorigin', 'content-security-policy': NO_ANCESTORS })).toEqual([]);
    expect(check({ 'x-frame-options': ' Deny ', 'content-security-policy': undefined })).toEqual([]);
    expect(
      check({ 'x-frame-options': ['DENY', 'SAMEORIGIN'], 'content-security-policy': undefined }),
    ).toEqual([]);
    const partner = "frame-ancestors https://partner.example.com 'self'";
    expect(check({ 'x-frame-options': undefined, 'content-security-policy': partner })).toEqual([]);
  });

  it('ignores frame-ancestors in <meta>, which browsers ignore', () => {
    const meta = html(
      'x',
      '<p>x</p>',
      `<meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">`,
    );
    expect(check({ 'x-frame-options': undefined, 'content-security-policy': undefined }, meta)).toHaveLength(
      1,
    );
  });

  it('judges only HTML pages, and survives hostile input', () => {
    const bare = { 'x-frame-options': undefined, 'content-security-policy': undefined };
    expect(
      runPassive(frameProtectionMissing, {
        headers: { ...headers(bare), 'content-type': 'application/json' },
        body: '{}',
      }),
    ).toEqual([]);
    expect(check({ ...bare, 'x-frame-options': ','.repeat(100_000) })).toHaveLength(1);
    check(bare, HUGE);
  });
});
