import { describe, expect, it } from 'vitest';
import {
  aliasTarget,
  integrityHashes,
  isExactVersion,
  isPackageName,
  npmPackage,
  splitNameSpec,
} from './npm-package.js';

describe('npm package helpers', () => {
  it.each([
    ['1.2.3', true],
    ['1.0.0-alpha.37', true],
    ['2.1.6+git', true],
    ['0.0.0-use.local', true],
    ['v1.2.3', false],
    [' 1.2.3', false],
    ['1.2', false],
    ['01.2.3', false],
    ['^1.2.3', false],
    ['github:o/r#abc', false],
    ['', false],
  ])('isExactVersion(%j) is %s', (v, want) => {
    expect(isExactVersion(v)).toBe(want);
  });

  it.each([
    ['left-pad', true],
    ['@babel/core', true],
    ['@babel', false],
    ['@/x', false],
    ['a/b', false],
    ['@a/b/c', false],
    ['has space', false],
    ['', false],
    ['x'.repeat(215), false],
  ])('isPackageName(%j) is %s', (name, want) => {
    expect(isPackageName(name)).toBe(want);
  });

  it('splits descriptors and aliases', () => {
    expect(splitNameSpec('@babel/core@^7.0.0')).toEqual({ name: '@babel/core', spec: '^7.0.0' });
    expect(splitNameSpec('balanced-match')).toEqual({ name: 'balanced-match', spec: '' });
    expect(splitNameSpec('x@git+ssh://git@github.com:o/r')).toEqual({
      name: 'x',
      spec: 'git+ssh://git@github.com:o/r',
    });
    expect(aliasTarget('npm:@babel/code-frame@7.0.0')).toEqual({ name: '@babel/code-frame', spec: '7.0.0' });
    expect(aliasTarget('^1.0.0')).toBeUndefined();
    expect(aliasTarget('npm:has space@1')).toBeUndefined();
  });

  it('decodes Subresource Integrity, skipping what it cannot verify', () => {
    const sha1 = 'sha1-yxAt8cVvUSPquLZ817mAJ6AnkXg=';
    const sha512 = `sha512-${Buffer.alloc(64, 1).toString('base64')}`;
    expect(integrityHashes(`${sha1} ${sha512}?opt`)).toEqual([
      { alg: 'SHA-1', value: 'cb102df1c56f5123eab8b67cd7b98027a0279178' },
      { alg: 'SHA-512', value: '01'.repeat(64) },
    ]);
    expect(integrityHashes('sha512-tooShort==')).toEqual([]);
    expect(integrityHashes('md5-yxAt8cVvUSPquLZ817mAJ6AnkXg=')).toEqual([]);
    expect(integrityHashes('sha1-not*base64')).toEqual([]);
    expect(integrityHashes(undefined)).toEqual([]);
  });

  it('builds a package, unresolved when the version is not exact', () => {
    const p = npmPackage({
      name: '@a/b',
      version: 'github:o/r',
      key: 'k',
      path: 'p',
      constraint: 'github:o/r',
      groups: ['dev', 'dev'],
    });
    expect(p).toEqual({
      ecosystem: 'npm',
      name: '@a/b',
      version: '',
      resolved: false,
      constraint: 'github:o/r',
      purl: 'pkg:npm/%40a/b',
      source: { path: 'p' },
      key: 'k',
      groups: ['dev'],
    });
    expect(
      npmPackage({ name: 'x', version: '1.0.0', key: 'k', path: 'p', constraint: '^1' }).constraint,
    ).toBeUndefined();
  });
});
