import { describe, expect, it } from 'vitest';
import type { LockfileInput } from './parser.js';
import { LockfileError } from './parser.js';
import { pdmLockParser as parser } from './pdm-lock.js';

const SHA = 'e'.repeat(64);

function input(text: string, files: Record<string, string> = {}): LockfileInput {
  return { path: 'pdm.lock', text, readFile: (p) => files[p] };
}

const LOCK = `[metadata]
groups = ["default", "dev", "tmp"]
lock_version = "4.4.1"

[[package]]
name = "pyroute2"
version = "0.7.11"
groups = ["dev"]
dependencies = ["win-inet-pton; platform_system == \\"Windows\\""]
files = [{file = "pyroute2-0.7.11-py3-none-any.whl", hash = "sha256:${SHA}"}]

[[package]]
name = "toml"
version = "0.10.2"
groups = ["default"]
git = "https://github.com/uiri/toml.git"
revision = "65bab7582ce14c55cdeec2244c65ea23039c9e6f"

[[package]]
name = "win-inet-pton"
version = "1.1.0"
groups = ["dev", "tmp"]

[[package]]
name = "local-lib"
version = "0.1.0"
path = "./libs/local"
groups = ["default"]
`;

describe('pdm.lock parser', () => {
  it('matches pdm.lock only', () => {
    expect(parser.matches('x/pdm.lock')).toBe(true);
    expect(parser.matches('pdm.toml')).toBe(false);
  });

  it('reads groups, hashes, graph edges and local paths; dev stays unknown without pyproject.toml', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.resolved, p.dev, p.groups, p.dependsOn ?? []])).toEqual([
      ['pyroute2', '0.7.11', true, undefined, ['dev'], ['win-inet-pton@1.1.0']],
      ['toml', '0.10.2', true, false, ['default'], []],
      ['win-inet-pton', '1.1.0', true, undefined, ['dev', 'tmp'], []],
      ['local-lib', '', false, false, ['default'], []],
    ]);
    expect(packages[0]!.hashes).toEqual([{ alg: 'SHA-256', value: SHA }]);
    expect(packages[3]!.constraint).toBe('./libs/local');
  });

  it('tells dev groups from optional ones with pyproject.toml', () => {
    const pyproject = `[project]\ndependencies = ["toml"]\n[project.optional-dependencies]\ntmp = ["win-inet-pton"]\n[tool.pdm.dev-dependencies]\ndev = ["pyroute2>=0.7"]`;
    const { packages } = parser.parse(input(LOCK, { 'pyproject.toml': pyproject }));
    expect(packages.map((p) => [p.name, p.dev, p.direct])).toEqual([
      ['pyroute2', true, true],
      ['toml', false, true],
      ['win-inet-pton', false, true],
      ['local-lib', false, false],
    ]);
  });

  it('handles empty and malformed locks', () => {
    expect(parser.parse(input('')).packages).toEqual([]);
    expect(parser.parse(input('[[package]]\nname = "x"')).warnings).toEqual([
      { message: 'a [[package]] entry has no name or version; skipped', line: 1 },
    ]);
    expect(() => parser.parse(input('this is not valid toml! (I think)'))).toThrow(LockfileError);
  });
});
