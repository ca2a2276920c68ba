import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, vulnDbPath } from './paths.js';

describe('cacheDir', () => {
  it('honours GATEHOUSE_CACHE_DIR first', () => {
    expect(cacheDir({ GATEHOUSE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }, 'linux')).toBe('/c');
    expect(vulnDbPath({ GATEHOUSE_CACHE_DIR: '/c' })).toBe(join('/c', 'vulndb.sqlite'));
  });

  it('follows XDG on Linux and macOS', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/x', 'gatehouse'));
    expect(cacheDir({}, 'darwin')).toBe(join(homedir(), '.cache', 'gatehouse'));
  });

  it('uses LOCALAPPDATA on Windows', () => {
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32')).toBe(
      join('C:\\Users\\me\\AppData\\Local', 'gatehouse', 'cache'),
    );
  });
});
