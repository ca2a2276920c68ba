import { describe, expect, it } from 'vitest';
import type { LockfileInput } from './parser.js';
import { LockfileError } from './parser.js';
import { uvLockParser as parser } from './uv-lock.js';

const SHA = (c: string) => c.repeat(64);

function input(text: string): LockfileInput {
  return { path: 'uv.lock', text, readFile: () => undefined };
}

const LOCK = `version = 1
requires-python = ">=3.10"

[[package]]
name = "black"
version = "24.10.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "click" }]
sdist = { url = "https://files/black.tar.gz", hash = "sha256:${SHA('a')}", size = 1 }
wheels = [{ url = "https://files/black.whl", hash = "sha256:${SHA('b')}", size = 1 }]

[[package]]
name = "click"
version = "8.1.7"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "colorama", marker = "platform_system == 'Windows'" }]

[[package]]
name = "colorama"
version = "0.4.6"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "emoji"
version = "2.14.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "numpy"
version = "1.26.4"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "numpy"
version = "2.1.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "ruff"
version = "0.8.1"
source = { git = "https://github.com/astral-sh/ruff#84748be16341b76e073d117329f7f5f4ee2941ad" }

[[package]]
name = "shared"
version = "0.3.0"
source = { directory = "../shared" }

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "emoji" },
    { name = "numpy", version = "2.1.0", source = { registry = "https://pypi.org/simple" } },
    { name = "shared" },
]

[package.optional-dependencies]
cli = [{ name = "click" }]

[package.dev-dependencies]
lint = [{ name = "black" }, { name = "ruff" }]
`;

describe('uv.lock parser', () => {
  it('matches uv.lock only', () => {
    expect(parser.matches('backend/uv.lock')).toBe(true);
    expect(parser.matches('uv.toml')).toBe(false);
  });

  it('reports every locked package but the project, with graph, groups, dev and direct', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    const rows = packages.map((p) => [p.key, p.version, p.resolved, p.direct, p.dev, p.groups ?? []]);
    expect(rows).toEqual([
      ['black@24.10.0', '24.10.0', true, true, true, ['lint']],
      ['click@8.1.7', '8.1.7', true, true, false, ['cli', 'lint']],
      ['colorama@0.4.6', '0.4.6', true, false, false, ['cli', 'lint']],
      ['emoji@2.14.0', '2.14.0', true, true, false, []],
      ['numpy@1.26.4', '1.26.4', true, false, undefined, []],
      ['numpy@2.1.0', '2.1.0', true, true, false, []],
      ['ruff@0.8.1', '0.8.1', true, true, true, ['lint']],
      ['shared', '', false, true, false, []],
    ]);
    expect(packages[0]).toMatchObject({
      dependsOn: ['click@8.1.7'],
      hashes: [
        { alg: 'SHA-256', value: SHA('a') },
        { alg: 'SHA-256', value: SHA('b') },
      ],
      source: { path: 'uv.lock', line: 4 },
    });
    expect(packages.find((p) => p.name === 'shared')).toMatchObject({ constraint: '../shared' });
  });

  it('treats workspace members as the project', () => {
    const text = `[manifest]\nmembers = ["api", "lib"]\n
[[package]]\nname = "api"\nversion = "1.0.0"\nsource = { editable = "packages/api" }\ndependencies = [{ name = "lib" }, { name = "six" }]\n
[[package]]\nname = "lib"\nversion = "1.0.0"\nsource = { editable = "packages/lib" }\n
[[package]]\nname = "six"\nversion = "1.16.0"\nsource = { registry = "https://pypi.org/simple" }\n`;
    expect(parser.parse(input(text)).packages.map((p) => [p.name, p.direct])).toEqual([['six', true]]);
  });

  it('leaves direct and dev unknown when the lock has no project package', () => {
    const text =
      '[[package]]\nname = "a"\nversion = "1.0"\ndependencies = [{ name = "b" }]\n[[package]]\nname = "b"\nversion = "2.0"';
    const { packages } = parser.parse(input(text));
    expect(packages.map((p) => [p.name, p.direct, p.dev, p.dependsOn])).toEqual([
      ['a', undefined, undefined, ['b@2.0']],
      ['b', undefined, undefined, undefined],
    ]);
  });

  it('survives a dependency cycle and a long chain', () => {
    const chain = Array.from(
      { length: 5000 },
      (_, i) =>
        `[[package]]\nname = "p${i}"\nversion = "1.0"\ndependencies = [{ name = "p${(i + 1) % 5000}" }]`,
    );
    const root =
      '[[package]]\nname = "root"\nversion = "0"\nsource = { editable = "." }\ndependencies = [{ name = "p0" }]';
    const { packages } = parser.parse(input([...chain, root].join('\n')));
    expect(packages).toHaveLength(5000);
    expect(packages.every((p) => p.dev === false)).toBe(true);
  });

  it('reads empty locks, warns about nameless entries and fails on broken TOML', () => {
    expect(parser.parse(input('')).packages).toEqual([]);
    expect(parser.parse(input('version = 1\nrequires-python = ">=3.10"')).packages).toEqual([]);
    expect(parser.parse(input('[[package]]\nversion = "1"')).warnings).toHaveLength(1);
    expect(() => parser.parse(input('this is not valid toml! (I think)'))).toThrow(LockfileError);
  });
});
