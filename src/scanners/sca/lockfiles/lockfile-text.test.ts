import { describe, expect, it } from 'vitest';
import {
  arrayTableLines,
  parseJsonDocument,
  parseTomlDocument,
  redactUrlCredentials,
  siblingPath,
} from './lockfile-text.js';
import { LockfileError } from './parser.js';

describe('lockfile text helpers', () => {
  it('maps array-table entries to header lines only when the counts agree', () => {
    const text = '[[package]]\nname = "a"\n  [[ package ]] # second\nname = "b"\n[[package.wheels]]\n';
    expect(arrayTableLines(text, 'package', 2)).toEqual([1, 3]);
    expect(arrayTableLines(text, 'package', 3)).toEqual([undefined, undefined, undefined]);
    expect(arrayTableLines('\r\n[[package]]\r\nname = "a"\r\n', 'package', 1)).toEqual([2]);
  });

  it('finds sibling files relative to the scan root', () => {
    expect(siblingPath('poetry.lock', 'pyproject.toml')).toBe('pyproject.toml');
    expect(siblingPath('a/b/poetry.lock', 'pyproject.toml')).toBe('a/b/pyproject.toml');
  });

  it('reports TOML and JSON errors with a line and without quoting the file', () => {
    const toml = (() => {
      try {
        parseTomlDocument('ok = 1\nsecret = hunter2\n');
      } catch (error) {
        return error as LockfileError;
      }
    })();
    expect(toml).toBeInstanceOf(LockfileError);
    expect(toml).toMatchObject({ line: 2 });
    expect(toml!.message).not.toContain('hunter2');
    expect(() => parseJsonDocument('{"a": hunter2}')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
    expect(() => parseJsonDocument('{"a": 1,\n}')).toThrow(expect.objectContaining({ line: 2 }));
  });

  it('redacts credentials in URLs but not the conventional git user', () => {
    expect(redactUrlCredentials('git+https://ghp_abc123@github.com/o/r.git and https://u:p@host/x')).toBe(
      'git+https://***@github.com/o/r.git and https://***@host/x',
    );
    expect(redactUrlCredentials('git+ssh://git@github.com/o/r.git')).toBe('git+ssh://git@github.com/o/r.git');
    expect(redactUrlCredentials(`${'://a'.repeat(100_000)}`)).toHaveLength(400_000);
  });
});
