import { describe, expect, it } from 'vitest';
import { redactText, redactValue, secretHash, secretInfo } from './redact.js';

describe('redaction', () => {
  it('keeps at most a short prefix', () => {
    expect(redactValue('ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('ghp_…');
    expect(redactValue('Vq7#mK2p!xR9zL')).toBe('Vq…');
    expect(redactValue('hunter22')).toBe('…');
  });

  it('hashes so the same secret is recognisable across reports', () => {
    expect(secretHash('abc')).toBe(secretHash('abc'));
    expect(secretHash('abc')).toHaveLength(12);
    expect(secretInfo('s3cr3t-value-1234567890')).toEqual({
      redacted: 's3cr…',
      hash: secretHash('s3cr3t-value-1234567890'),
    });
  });

  it('replaces every occurrence, longest first', () => {
    const out = redactText('a=LONGSECRETVALUE b=LONGSECRET', ['LONGSECRET', 'LONGSECRETVALUE']);
    expect(out).not.toContain('SECRET');
  });
});
