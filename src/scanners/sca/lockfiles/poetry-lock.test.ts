import { describe, expect, it } from 'vitest';
import type { LockfileInput } from './parser.js';
import { LockfileError } from './parser.js';
import { poetryLockParser as parser } from './poetry-lock.js';

const SHA = (c: string) => c.repeat(64);

function input(text: string, files: Record<string, string> = {}): LockfileInput {
  return { path: 'svc/poetry.lock', text, readFile: (p) => files[p] };
}

const V1 = `
[[package]]
name = "emoji"
version = "2.0.0"
category = "main"
optional = false

[package.dependencies]
Six = ">=1.5"

[[package]]
name = "six"
version = "1.16.0"
category = "dev"
optional = false

[[package]]
name = "mylib"
version = "0.1.0"
category = "main"

[package.source]
type = "directory"
url = "../mylib"

[metadata]
lock-version = "1.1"

[metadata.files]
emoji = [{file = "emoji-2.0.0.tar.gz", hash = "sha256:${SHA('a')}"}]
six = []
`;

const V2 = `
[[package]]
name = "async-timeout"
version = "5.0.1"
optional = true
groups = ["main"]
files = [{file = "a.whl", hash = "sha256:${SHA('b')}"}, {file = "a.tar.gz", hash = "sha256:${SHA('c')}"}]

[[package]]
name = "faker"
version = "33.3.0"
groups = ["dev", "test"]
files = []

[[package]]
name = "ike"
version = "0.2.0"
groups = ["main"]

[package.source]
type = "git"
url = "https://github.com/dzshn/ike"
resolved_reference = "cd66602cd29f61a2d2e7fb995fef1e61708c034d"
`;

describe('poetry.lock parser', () => {
  it('matches poetry.lock only', () => {
    expect(parser.matches('a/b/poetry.lock')).toBe(true);
    expect(parser.matches('poetry.lock.bak')).toBe(false);
  });

  it('reads lock-version 1 categories, metadata hashes, graph edges and local sources', () => {
    const { packages, warnings } = parser.parse(input(V1));
    expect(warnings).toEqual([]);
    expect(packages).toEqual([
      expect.objectContaining({
        name: 'emoji',
        version: '2.0.0',
        resolved: true,
        dev: false,
        groups: ['main'],
        hashes: [{ alg: 'SHA-256', value: SHA('a') }],
        dependsOn: ['six@1.16.0'],
        source: { path: 'svc/poetry.lock', line: 2 },
      }),
      expect.objectContaining({ name: 'six', version: '1.16.0', dev: true, groups: ['dev'] }),
      expect.objectContaining({ name: 'mylib', version: '', resolved: false, constraint: '../mylib' }),
    ]);
    expect(packages[0]).not.toHaveProperty('direct');
  });

  it('reads lock-version 2 groups, optional packages and per-package hashes', () => {
    const { packages } = parser.parse(input(V2));
    expect(packages.map((p) => [p.name, p.version, p.dev, p.groups, p.hashes?.length ?? 0])).toEqual([
      ['async-timeout', '5.0.1', false, ['main', 'optional'], 2],
      ['faker', '33.3.0', true, ['dev', 'test'], 0],
      ['ike', '0.2.0', false, ['main'], 0],
    ]);
  });

  it('takes direct dependencies from the sibling pyproject.toml', () => {
    const pyproject =
      '[tool.poetry.dependencies]\npython = "^3.10"\nEmoji = "^2"\n[tool.poetry.group.test.dependencies]\nSIX = "*"';
    const { packages } = parser.parse(input(V1, { 'svc/pyproject.toml': pyproject }));
    expect(packages.map((p) => [p.name, p.direct])).toEqual([
      ['emoji', true],
      ['six', true],
      ['mylib', false],
    ]);
  });

  it('warns about a broken pyproject.toml and about entries without a name', () => {
    const text = '[[package]]\nversion = "1.0"\n[[package]]\nname = "ok"\nversion = "1.0"';
    const { packages, warnings } = parser.parse(input(text, { 'svc/pyproject.toml': '[[[' }));
    expect(packages.map((p) => p.name)).toEqual(['ok']);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^svc\/pyproject\.toml: not valid TOML: .*; direct dependencies are unknown$/),
      'a [[package]] entry has no name or version; skipped',
    ]);
  });

  it('reads an empty file and a lock without packages', () => {
    expect(parser.parse(input('')).packages).toEqual([]);
    expect(parser.parse(input('package = []\n[metadata]\nlock-version = "1.1"')).packages).toEqual([]);
  });

  it('fails clearly on text that is not TOML, and on hostile nesting', () => {
    expect(() => parser.parse(input('this is not valid toml! (I think)'))).toThrow(LockfileError);
    expect(() => parser.parse(input(`a = ${'['.repeat(100_000)}`))).toThrow(/not valid TOML/);
    expect(() => parser.parse(input('[[package]]\nname = "x'))).toThrow(expect.objectContaining({ line: 2 }));
  });

  it('ignores fields of the wrong type instead of crashing', () => {
    const text =
      'package = [1, "x", {name = 3}, {name = "a b/", version = "1"}, {name = "ok", version = "1", files = "no", dependencies = 4}]';
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => p.name)).toEqual(['ok']);
    expect(warnings).toHaveLength(4);
    expect(warnings[3]!.message).toBe('"a b/" is not a valid package name; skipped');
  });
});
