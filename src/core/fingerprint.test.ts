import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';

describe('fingerprint', () => {
  it('depends on rule, path and content, not on where in the file', () => {
    const a = fingerprint('secrets/x', 'a.env', 'h1');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint('secrets/x', 'a.env', 'h1')).toBe(a);
    expect(fingerprint('secrets/y', 'a.env', 'h1')).not.toBe(a);
    expect(fingerprint('secrets/x', 'b.env', 'h1')).not.toBe(a);
    expect(fingerprint('secrets/x', 'a.env', 'h2')).not.toBe(a);
  });

  it('cannot be confused by separators inside fields', () => {
    expect(fingerprint('a', 'b\0c', 'd')).not.toBe(fingerprint('a\0b', 'c', 'd'));
  });
});
