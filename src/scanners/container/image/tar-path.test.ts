import { describe, expect, it } from 'vitest';
import { normaliseEntryPath, symlinkEscapes } from './tar-path.js';

describe('normaliseEntryPath', () => {
  it.each([
    ['./etc/passwd', 'etc/passwd'],
    ['/etc//passwd', 'etc/passwd'],
    ['usr/lib/', 'usr/lib'],
    ['a/./b/../c', 'a/c'],
    ['./', ''],
    ['/', ''],
  ])('%s -> %s', (name, path) => {
    expect(normaliseEntryPath(name)).toBe(path);
  });

  it.each(['..', '../etc', 'a/../../etc', '/../x'])('%s escapes the root', (name) => {
    expect(normaliseEntryPath(name)).toBeUndefined();
  });
});

describe('symlinkEscapes', () => {
  it('judges relative targets from the link directory; absolute ones stay in the image root', () => {
    expect(symlinkEscapes('usr/lib/x', '../../etc')).toBe(false);
    expect(symlinkEscapes('usr/lib/x', '../../../etc')).toBe(true);
    expect(symlinkEscapes('x', '/etc/passwd')).toBe(false);
    expect(symlinkEscapes('x', '..')).toBe(true);
  });
});
