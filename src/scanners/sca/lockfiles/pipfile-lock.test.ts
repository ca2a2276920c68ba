import { describe, expect, it } from 'vitest';
import type { LockfileInput } from './parser.js';
import { LockfileError } from './parser.js';
import { pipfileLockParser as parser } from './pipfile-lock.js';

const SHA = 'd'.repeat(64);

function input(text: string, files: Record<string, string> = {}): LockfileInput {
  return { path: 'api/Pipfile.lock', text, readFile: (p) => files[p] };
}

const LOCK = JSON.stringify(
  {
    _meta: { hash: { sha256: SHA }, 'pipfile-spec': 6 },
    default: {
      itsdangerous: { hashes: [`sha256:${SHA}`, 'sha256:short'], version: '==2.1.2' },
      markupsafe: { version: '==2.1.1' },
      pluggy: { version: '==1.0.1' },
      mylib: { editable: true, git: 'https://github.com/org/mylib', ref: 'b36054111bc1' },
    },
    develop: {
      markupsafe: { version: '==2.1.1' },
      pluggy: { version: '==1.0.0' },
    },
    docs: { sphinx: { version: '==7.0.0' } },
  },
  null,
  2,
);

describe('Pipfile.lock parser', () => {
  it('matches Pipfile.lock only', () => {
    expect(parser.matches('Pipfile.lock')).toBe(true);
    expect(parser.matches('Pipfile')).toBe(false);
  });

  it('reads default as runtime, develop as dev, custom categories as unknown, and keeps one entry per release', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(
      packages.map((p) => [p.name, p.version, p.resolved, p.dev, p.groups, p.constraint ?? null]),
    ).toEqual([
      ['itsdangerous', '2.1.2', true, false, ['default'], null],
      ['markupsafe', '2.1.1', true, false, ['default', 'develop'], null],
      ['pluggy', '1.0.1', true, false, ['default'], null],
      ['mylib', '', false, false, ['default'], 'https://github.com/org/mylib@b36054111bc1'],
      ['pluggy', '1.0.0', true, true, ['develop'], null],
      ['sphinx', '7.0.0', true, undefined, ['docs'], null],
    ]);
    expect(packages[0]!.hashes).toEqual([{ alg: 'SHA-256', value: SHA }]);
    expect(packages[0]!.source.line).toBe(
      LOCK.split('\n').findIndex((l) => l.includes('"itsdangerous"')) + 1,
    );
    expect(packages.some((p) => 'direct' in p)).toBe(false);
  });

  it('marks direct dependencies from the sibling Pipfile', () => {
    const pipfile =
      '[[source]]\nurl = "https://pypi.org/simple"\n[packages]\nItsDangerous = "*"\n[dev-packages]\npluggy = "*"';
    const { packages } = parser.parse(input(LOCK, { 'api/Pipfile': pipfile }));
    expect(packages.filter((p) => p.direct).map((p) => `${p.name}@${p.version}`)).toEqual([
      'itsdangerous@2.1.2',
      'pluggy@1.0.1',
      'pluggy@1.0.0',
    ]);
    expect(packages.find((p) => p.name === 'markupsafe')!.direct).toBe(false);
  });

  it('reads minified JSON and skips entries that are not objects', () => {
    const text = '{"_meta":{},"default":{"a":{"version":"==1.0"},"b":"oops"},"develop":[]}';
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => p.name)).toEqual(['a']);
    expect(warnings).toEqual([{ message: 'default.b is not an object; skipped', line: 1 }]);
  });

  it('fails clearly on broken, empty, non-object and deeply nested JSON', () => {
    expect(() => parser.parse(input('this is not json!'))).toThrow(LockfileError);
    expect(() => parser.parse(input(''))).toThrow(/not valid JSON/);
    expect(() => parser.parse(input('[1, 2]'))).toThrow(/expected a JSON object/);
    expect(() => parser.parse(input('{"default": {"a": {"version": "==1.0"}},\n  "develop": {,}}'))).toThrow(
      expect.objectContaining({ line: 2 }),
    );
    const deep = `{"default": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(parser.parse(input(deep)).packages).toEqual([]);
  });

  it('does not quote file content in its error messages', () => {
    expect(() => parser.parse(input('password=hunter2'))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
