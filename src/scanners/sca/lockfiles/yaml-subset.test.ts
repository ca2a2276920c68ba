import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FULL_YAML_MAX_CHARS, parseLockfileYaml } from './lockfile-yaml.js';
import { LockfileError } from './parser.js';
import { InvalidYaml, OutsideSubset, readYamlSubset } from './yaml-subset.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));

/** Same value as the general YAML library, compared as JSON (the subset reader builds plain data). */
function expectLikeYaml(text: string): void {
  expect(JSON.parse(JSON.stringify(readYamlSubset(text)))).toEqual(
    JSON.parse(JSON.stringify(parseYaml(text))),
  );
}

describe('readYamlSubset', () => {
  it.each([
    ['nested mappings', 'a:\n  b:\n    c: d\n  e: f\ng: h\n'],
    [
      'scalars of the core schema',
      'a: 1\nb: 1.5\nc: true\nd: False\ne: null\nf: ~\ng:\nh: 0x1f\ni: 0o17\nj: -3\nk: .inf\nl: 1.2.3\nm: 10c0\n',
    ],
    [
      'quoted scalars and escapes',
      `a: 'it''s'\nb: "tab\\there \\u00e9 \\" \\\\"\nc: "#not a comment"\n'd e': "f: g"\n`,
    ],
    ['comments and blank lines', '# head\n\na: b # trailing\n\n  # indented comment\nc: d\n'],
    [
      'flow collections',
      "a: {integrity: sha512-abc==, tarball: 'https://x/y.tgz'}\nb: [darwin, linux]\nc: {}\nd: []\ne: {node: ^12 || >=14, x: [1, {y: z}]}\n",
    ],
    ['sequences, indented or not', 'a:\n  - x\n  - y\nb:\n- z\n- w\nc: d\n'],
    ['colons inside values', 'repo: git@github.com:o/r.git\nurl: https://a.b/c\nkey:with:colons: v\n'],
    ['a leading document marker and CRLF', '---\r\na: b\r\nc:\r\n  d: e\r\n'],
    ['an empty document', '# only a comment\n'],
  ])('%s: the same as the YAML library', (_, text) => {
    expectLikeYaml(text);
  });

  it('reads every pnpm and berry fixture the same as the YAML library', () => {
    const dirs = [
      'osv-scalibr/pnpmlock/',
      'osv-scalibr/yarnlock/',
      'pnpm-lock/valid-v9/',
      'yarn-lock/valid-berry/',
    ];
    for (const dir of dirs) {
      for (const f of readdirSync(FIXTURES + dir).filter((x) => /\.(yaml|v2\.lock)$|^yarn\.lock$/.test(x))) {
        expectLikeYaml(readFileSync(`${FIXTURES}${dir}${f}`, 'utf8'));
      }
    }
  });

  it('keeps a __proto__ key as data', () => {
    const v = readYamlSubset('__proto__:\n  polluted: yes\nb: {__proto__: 1}\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['tab indentation', 'a:\n\tb: c\n'],
    ['a second document', 'a: b\n---\nc: d\n'],
    ['a complex key', '? a\n: b\n'],
    ['a mapping on the line of its key', 'a: b: c\n'],
  ])('leaves %s to the general parser', (_, text) => {
    expect(() => readYamlSubset(text)).toThrow(OutsideSubset);
  });

  it('rejects duplicate keys and deep nesting outright, with the line', () => {
    expect(() => readYamlSubset('a: 1\nb: 2\na: 3\n')).toThrow(InvalidYaml);
    try {
      readYamlSubset('a: 1\nb: 2\na: 3\n');
    } catch (e) {
      expect((e as InvalidYaml).line).toBe(3);
    }
    const deep = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n');
    expect(() => readYamlSubset(deep)).toThrow(/nested deeper than 64/);
    expect(() => readYamlSubset(`a: ${'['.repeat(100)}${']'.repeat(100)}`)).toThrow(/nested deeper than 64/);
  });
});

describe('parseLockfileYaml', () => {
  it('falls back to the general library for small files outside the subset', () => {
    expect(parseLockfileYaml('a: &x {b: 1}\nc: *x\n')).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });

  it('turns every failure into a LockfileError with the line', () => {
    const cases = ['a: [1, 2\n', 'a: b\n  c: d\n  - e\n', 'a: "unterminated\n', 'a: 1\na: 2\n'];
    for (const text of cases) expect(() => parseLockfileYaml(text)).toThrow(LockfileError);
    try {
      parseLockfileYaml('x: 1\ny: 2\nx: 3\n');
    } catch (e) {
      expect((e as LockfileError).line).toBe(3);
    }
  });

  it('refuses alias bombs and deep nesting before the general library sees them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(() => parseLockfileYaml(bomb.join('\n'))).toThrow(LockfileError);
    expect(() => parseLockfileYaml(`&a x: ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`)).toThrow(
      /nested deeper/,
    );
  });

  it('refuses a large file outside the subset instead of parsing it slowly', () => {
    const big = `a: &x 1\nb: *x\n${'c'.repeat(FULL_YAML_MAX_CHARS)}: 1\n`;
    expect(() => parseLockfileYaml(big)).toThrow(/uses YAML that package managers do not write/);
  });
});
