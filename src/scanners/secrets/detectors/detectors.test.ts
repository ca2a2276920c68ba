import { describe, expect, it } from 'vitest';
import { SecretMatcher } from '../engine/matcher.js';
import { DETECTORS } from './index.js';

const matcher = new SecretMatcher(DETECTORS);
const idsIn = (text: string) => matcher.scan(Buffer.from(text)).map((m) => m.detectorId);

describe('detector metadata', () => {
  it('has unique, well-formed ids', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(DETECTORS.map((d) => [d.id, d] as const))('%s is complete', (_id, d) => {
    expect(d.pattern.source).toContain('(?<secret>');
    expect(d.keywords.length).toBeGreaterThan(0);
    for (const k of d.keywords) expect(k.length).toBeGreaterThanOrEqual(3);
    expect(d.title.length).toBeGreaterThan(3);
    expect(d.description.length).toBeGreaterThan(20);
    expect(d.remediation.length).toBeGreaterThan(20);
    expect(d.examples.positive.length).toBeGreaterThan(0);
    expect(d.examples.negative.length).toBeGreaterThan(0);
  });
});

describe.each(DETECTORS.map((d) => [d.id, d] as const))('%s', (_id, d) => {
  it.each(d.examples.positive.map((p) => [p]))('finds %s', (text) => {
    expect(idsIn(text)).toContain(d.id);
  });
  it.each(d.examples.negative.map((n) => [n]))('ignores %s', (text) => {
    expect(idsIn(text)).not.toContain(d.id);
  });
});
