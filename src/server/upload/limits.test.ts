import { describe, expect, it } from 'vitest';
import { testFinding } from '../../store/test-upload.js';
import { boundFinding, clip, MAX_TEXT } from './limits.js';

describe('clip', () => {
  it('keeps short text, cuts long text saying so, and never splits a surrogate pair', () => {
    expect(clip('abc', 10)).toBe('abc');
    expect(clip('x'.repeat(100), 30)).toBe(`${'x'.repeat(17)} …(truncated)`);
    const emoji = `${'a'.repeat(16)}😀${'b'.repeat(20)}`;
    expect(clip(emoji, 30)).toBe(`${'a'.repeat(16)} …(truncated)`);
  });
});

describe('boundFinding', () => {
  it('returns a finding within bounds as it is, without copying', () => {
    const f = testFinding(1);
    expect(boundFinding(f)).toBe(f);
  });

  it('cuts every oversized part', () => {
    const long = 'z'.repeat(200_000);
    const f = testFinding(2, {
      message: long,
      title: long,
      location: { path: long, snippet: long },
      references: Array.from({ length: 10_000 }, (_, i) => `https://x/${i}`),
      properties: {
        big: long,
        __proto__: 'x',
        ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
      },
      trace: Array.from({ length: 5_000 }, () => ({ path: long, line: 1, message: long })),
      vulnerability: {
        id: long,
        aliases: Array.from({ length: 10_000 }, (_, i) => `CVE-${i}`),
        package: { ecosystem: 'npm', name: long, version: '1' },
        fixedVersions: [],
      },
    });
    const out = boundFinding(f);
    expect(out.message.length).toBe(MAX_TEXT.message);
    expect(out.location.snippet!.length).toBe(MAX_TEXT.snippet);
    expect(out.references).toHaveLength(100);
    expect(Object.keys(out.properties!).length).toBeLessThanOrEqual(50);
    expect(out.trace).toHaveLength(200);
    expect(out.vulnerability!.aliases).toHaveLength(100);
    expect(out.vulnerability!.id.length).toBe(MAX_TEXT.id);
    expect(JSON.stringify(out).length).toBeLessThan(2_000_000);
  });
});
