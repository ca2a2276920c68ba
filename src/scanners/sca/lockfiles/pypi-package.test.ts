import { describe, expect, it } from 'vitest';
import type { LockfileWarning } from './parser.js';
import { normalizePep440, normalizePypiName, parseHash, pypiKey, pypiPackage } from './pypi-package.js';

describe('PyPI helpers', () => {
  it('normalises names per PEP 503', () => {
    expect(normalizePypiName('combination-._-.also_-._Valid')).toBe('combination-also-valid');
    expect(normalizePypiName('Zope.Interface')).toBe('zope-interface');
  });

  it.each([
    ['1.2-alpha', '1.2a0'],
    ['1.0.0a1', '1.0.0a1'],
    ['2.9.0.post0', '2.9.0.post0'],
    ['1.0-1', '1.0.post1'],
    ['v1.0', '1.0'],
    ['1!2.0.DEV3', '1!2.0.dev3'],
    ['1.0+Ubuntu-1_a', '1.0+ubuntu.1.a'],
  ])('canonicalises PEP 440 version %s to %s', (version, canonical) => {
    expect(normalizePep440(version)).toBe(canonical);
  });

  it('rejects strings that are not PEP 440 versions', () => {
    expect(normalizePep440('2004d')).toBeUndefined();
    expect(normalizePep440('1.0 x')).toBeUndefined();
  });

  it('keeps a legacy version as written and says it cannot be compared', () => {
    const warnings: LockfileWarning[] = [];
    const pkg = pypiPackage({ name: 'pytz', version: '2004d', path: 'r.txt', line: 3 }, warnings);
    expect(pkg).toMatchObject({ version: '2004d', resolved: true, key: 'pytz@2004d' });
    expect(warnings).toEqual([{ message: expect.stringContaining('not a PEP 440 version'), line: 3 }]);
  });

  it('builds keys from normalised names and canonical versions', () => {
    expect(pypiKey('Foo_Bar', '1.0-1')).toBe('foo-bar@1.0.post1');
    expect(pypiKey('Foo_Bar', '')).toBe('foo-bar');
  });

  it('parses hashes only when the digest fits the algorithm', () => {
    expect(parseHash(`sha256:${'A'.repeat(64)}`)).toEqual({ alg: 'SHA-256', value: 'a'.repeat(64) });
    expect(parseHash('sha512', 'f'.repeat(128))).toEqual({ alg: 'SHA-512', value: 'f'.repeat(128) });
    expect(parseHash('sha256:123')).toBeUndefined();
    expect(parseHash(`sha256:${'g'.repeat(64)}`)).toBeUndefined();
    expect(parseHash(`crc32:${'a'.repeat(8)}`)).toBeUndefined();
    expect(parseHash('no-colon')).toBeUndefined();
  });
});
