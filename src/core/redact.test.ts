import { describe, expect, it } from 'vitest';
import { redactLine, redactText, redactValue, secretHash, secretInfo } from './redact.js';

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

describe('redactLine', () => {
  it('redacts values assigned to credential-like names, quoted or not', () => {
    expect(redactLine('ENV DB_PASSWORD=Vq8rT2mLx9 LOG_LEVEL=info')).toBe('ENV DB_PASSWORD=… LOG_LEVEL=info');
    expect(redactLine(`jwt.verify(t, secret = 'k3yM4terial-9x2')`)).not.toContain('k3yM4terial');
  });
  it('keeps references and the values a rule names are redacted wherever they appear', () => {
    expect(redactLine('password = var.db_password')).toBe('password = var.db_password');
    expect(redactLine('connect("h", "s3cr3tValue99")', ['s3cr3tValue99'])).not.toContain('s3cr3tValue99');
  });
});
