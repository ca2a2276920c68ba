import { describe, expect, it } from 'vitest';
import type { LockfileInput } from './parser.js';
import { LockfileError } from './parser.js';
import { pylockTomlParser as parser } from './pylock-toml.js';

const SHA = (c: string) => c.repeat(64);

function input(text: string): LockfileInput {
  return { path: 'pylock.toml', text, readFile: () => undefined };
}

const LOCK = `lock-version = "1.0"
created-by = "uv"

[[packages]]
name = "attrs"
version = "25.1.0"
wheels = [{ name = "attrs-25.1.0-py3-none-any.whl", url = "https://f/attrs.whl", hashes = { sha256 = "${SHA('a')}" } }]

[[packages]]
name = "cattrs"
version = "24.1.2"
dependencies = [{ name = "attrs" }]

[packages.sdist]
url = "https://f/cattrs.tar.gz"
hashes = { sha256 = "${SHA('b')}", md5 = "not-hex" }

[[packages]]
name = "mleroc"
version = "0.1.0"
vcs = { type = "git", url = "https://github.com/Veggente/mleroc.git", commit-id = "735093f03c4d8be70bfaaae44074ac92d7419b6d" }

[[packages]]
name = "unversioned"
vcs = { type = "git", url = "https://example.org/u.git", commit-id = "abc123" }

[[packages]]
name = "the-project"
directory = { path = ".", editable = true }

[[packages]]
name = "sibling"
directory = { path = "../sibling" }
`;

describe('pylock.toml parser', () => {
  it('matches pylock.toml and pylock.<name>.toml', () => {
    expect(parser.matches('pylock.toml')).toBe(true);
    expect(parser.matches('a/pylock.dev.toml')).toBe(true);
    expect(parser.matches('pylock.a.b.toml')).toBe(false);
    expect(parser.matches('pyproject.toml')).toBe(false);
  });

  it('reads packages, hashes and edges, skips the project and keeps local or unversioned sources unresolved', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.resolved, p.constraint ?? null])).toEqual([
      ['attrs', '25.1.0', true, null],
      ['cattrs', '24.1.2', true, null],
      ['mleroc', '0.1.0', true, null],
      ['unversioned', '', false, 'https://example.org/u.git@abc123'],
      ['sibling', '', false, '../sibling'],
    ]);
    expect(packages[0]!.hashes).toEqual([{ alg: 'SHA-256', value: SHA('a') }]);
    expect(packages[1]).toMatchObject({
      dependsOn: ['attrs@25.1.0'],
      hashes: [{ alg: 'SHA-256', value: SHA('b') }],
      source: { path: 'pylock.toml', line: 9 },
    });
  });

  it('reads the inline-array form without line numbers', () => {
    const text =
      'lock-version = "1.0"\npackages = [{ name = "a", version = "1.0" }, { name = "p", directory = { path = "." } }]';
    expect(parser.parse(input(text)).packages).toEqual([
      expect.objectContaining({ name: 'a', source: { path: 'pylock.toml' } }),
    ]);
  });

  it('handles empty and malformed locks', () => {
    expect(parser.parse(input('')).packages).toEqual([]);
    expect(parser.parse(input('packages = [{ version = "1" }]')).warnings).toHaveLength(1);
    expect(() => parser.parse(input('this is not valid toml! (I think)'))).toThrow(LockfileError);
  });
});
