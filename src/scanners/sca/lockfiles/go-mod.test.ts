import { describe, expect, it } from 'vitest';
import { goModParser as parser } from './go-mod.js';
import type { LockfileInput } from './parser.js';
import { LockfileError, MAX_LOCKFILE_BYTES } from './parser.js';

function input(text: string, files: Record<string, string> = {}): LockfileInput {
  return { path: 'svc/go.mod', text, readFile: (p) => files[p] };
}

function rows(text: string, files: Record<string, string> = {}) {
  return parser
    .parse(input(text, files))
    .packages.map((p) => [p.name, p.version, p.resolved, p.direct, p.constraint ?? null]);
}

const MOD = `module example.com/app

go 1.23.5

toolchain go1.23.6

require github.com/sirupsen/logrus v1.9.3

require (
	github.com/BurntSushi/toml v1.0.0 // a comment
	golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8 // indirect
	github.com/docker/docker v20.10.24+incompatible // indirect; pinned
	"gopkg.in/yaml.v3" v3.0.1
)

retract v0.9.0
exclude github.com/old/thing v1.0.0
`;

describe('go.mod parser', () => {
  it('matches go.mod only', () => {
    expect(parser.matches('a/go.mod')).toBe(true);
    expect(parser.matches('go.sum')).toBe(false);
  });

  it('reads single and block requires, indirect comments, and no stdlib or toolchain package', () => {
    const { packages, warnings } = parser.parse(input(MOD));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.direct, p.source.line])).toEqual([
      ['github.com/sirupsen/logrus', '1.9.3', true, 7],
      ['github.com/BurntSushi/toml', '1.0.0', true, 10],
      ['golang.org/x/sys', '0.0.0-20220715151400-c0bba94af5f8', false, 11],
      ['github.com/docker/docker', '20.10.24+incompatible', false, 12],
      ['gopkg.in/yaml.v3', '3.0.1', true, 13],
    ]);
    expect(packages[0]).toMatchObject({
      ecosystem: 'Go',
      resolved: true,
      key: 'github.com/sirupsen/logrus@1.9.3',
    });
  });

  it('applies version-specific and blanket replacements, and keeps local ones unresolved', () => {
    const text = `require (
    golang.org/x/net v1.2.3
    golang.org/x/net v0.5.6
    golang.org/x/text v0.3.0
    github.com/local/thing v1.0.0
    github.com/BurntSushi/toml v1.0.0
)
replace golang.org/x/net v1.2.3 => example.com/fork/net v1.4.5
replace (
    golang.org/x/text => example.com/fork/text v0.9.0
    github.com/local/thing => ../thing
    golang.org/x/unused v9.9.9 => example.com/never v1.0.0
)`;
    expect(rows(text)).toEqual([
      ['example.com/fork/net', '1.4.5', true, true, null],
      ['golang.org/x/net', '0.5.6', true, true, null],
      ['example.com/fork/text', '0.9.0', true, true, null],
      ['github.com/local/thing', '', false, true, '../thing'],
      ['github.com/BurntSushi/toml', '1.0.0', true, true, null],
    ]);
  });

  it('reports excluded and non-canonical versions as unresolved', () => {
    const text = 'require (\n  a.example/x v1.0.0\n  b.example/y master\n)\nexclude a.example/x v1.0.0';
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => [p.name, p.resolved, p.constraint])).toEqual([
      ['a.example/x', false, '>v1.0.0'],
      ['b.example/y', false, 'master'],
    ]);
    expect(warnings.map((w) => w.line)).toEqual([2, 3]);
  });

  it('confirms versions with go.sum but never adds modules from it', () => {
    const sum = [
      'github.com/sirupsen/logrus v1.9.3 h1:dueUQJ1C2q9oE3F7wvmSGAaVtTmUizReu6fjN8uqzbQ=',
      'github.com/sirupsen/logrus v1.9.3/go.mod h1:naHLuLoDiP4jHNo9R0sCBMtWGeIprob74mVsIT4qYEQ=',
      'github.com/davecgh/go-spew v1.1.1 h1:vj9j/u1bqnvCEfJOwUhtlOARqs3+rkHYY13jYWTU97c=',
    ].join('\n');
    const text = 'go 1.16\nrequire github.com/sirupsen/logrus v1.9.3\nrequire golang.org/x/sys v0.1.0';
    const { packages, warnings } = parser.parse(input(text, { 'svc/go.sum': sum }));
    expect(packages.map((p) => p.name)).toEqual(['github.com/sirupsen/logrus', 'golang.org/x/sys']);
    expect(packages.every((p) => p.hashes === undefined)).toBe(true);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('svc/go.sum has no checksum for golang.org/x/sys v0.1.0'),
    ]);
    const broken = parser.parse(
      input(text, { 'svc/go.sum': 'Wrongly formatted, this file should not be used!!!' }),
    );
    expect(broken.packages).toHaveLength(2);
    expect(broken.warnings).toEqual([
      {
        message: 'not "module version hash"; versions were not checked against svc/go.sum',
        path: 'svc/go.sum',
        line: 1,
      },
    ]);
  });

  it('warns about unknown directives and malformed lines, and fails on broken structure', () => {
    const text = [
      'this is not a go.mod file!',
      'require a.example/x',
      'require b.example/y v1.0.0',
      'require x/ v1.0.0',
      'require "a b" v1.0.0',
      'replace b.example/y => "q r" v1.0.0',
    ].join('\n');
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => p.name)).toEqual(['b.example/y']);
    expect(warnings).toEqual([
      { message: 'replace needs "module [version] => module version" or "=> local/path"', line: 6 },
      { message: 'unknown directive "this"; ignored', line: 1 },
      { message: 'require needs a module path and a version', line: 2 },
      { message: '"x/" is not a module path; skipped', line: 4 },
      { message: '"a b" is not a module path; skipped', line: 5 },
    ]);
    expect(() => parser.parse(input('require (\n  a.example/x v1.0.0\n'))).toThrow(
      expect.objectContaining({ message: 'the "require (" block is never closed', line: 1 }),
    );
    expect(() => parser.parse(input('require "a.example/x v1.0.0'))).toThrow(LockfileError);
    expect(() => parser.parse(input('a'.repeat(MAX_LOCKFILE_BYTES + 1)))).toThrow(LockfileError);
  });

  it('reads empty files and binary garbage without crashing', () => {
    expect(rows('')).toEqual([]);
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    let result: unknown;
    try {
      result = parser.parse(input(garbage));
    } catch (error) {
      result = error;
    }
    expect(result instanceof LockfileError || (result as { packages: unknown[] }).packages.length === 0).toBe(
      true,
    );
  });
});
