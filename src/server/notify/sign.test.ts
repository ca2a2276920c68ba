import { describe, expect, it } from 'vitest';
import { signature, verifySignature } from './sign.js';

describe('webhook signatures', () => {
  const body = '{"event":"gate.failed"}';
  const ts = 1_767_225_600;

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    expect(signature('k'.repeat(32), ts, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signature('k'.repeat(32), ts, body)).not.toBe(signature('k'.repeat(32), ts + 1, body));
  });

  it('verifies the right key, body and a fresh timestamp only', () => {
    const sig = signature('secret-key-0123456789', ts, body);
    const ok = (s: string, b: string, now: number, t = String(ts)) =>
      verifySignature(s, { signature: sig, timestamp: t }, b, now);
    expect(ok('secret-key-0123456789', body, ts + 10)).toBe(true);
    expect(ok('another-key-0123456789', body, ts)).toBe(false);
    expect(ok('secret-key-0123456789', `${body} `, ts)).toBe(false);
    expect(ok('secret-key-0123456789', body, ts + 3600)).toBe(false);
    expect(ok('secret-key-0123456789', body, ts, String(ts + 1))).toBe(false);
    expect(verifySignature('secret-key-0123456789', { timestamp: String(ts) }, body, ts)).toBe(false);
  });
});
