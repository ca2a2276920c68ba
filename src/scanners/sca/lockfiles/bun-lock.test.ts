import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bunLockParser } from './bun-lock.js';
import { LockfileError, type LockfileResult } from './parser.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));
const fixture = (rel: string) => readFileSync(`${FIXTURES}${rel}`, 'utf8');
const names = (r: LockfileResult) => r.packages.map((p) => `${p.name}@${p.version}`).sort();
const parse = (text: string): LockfileResult =>
  bunLockParser.parse({ path: 'bun.lock', text, readFile: () => undefined });
const byKey = (r: LockfileResult, key: string) => r.packages.find((p) => p.key === key)!;

/** Wall time, or CPU time when that is less: other work on a shared machine is not the parser's. */
function timed<T>(f: () => T): { value: T; ms: number } {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  const value = f();
  const cpu = process.cpuUsage(c0);
  return { value, ms: Math.min(performance.now() - t0, (cpu.user + cpu.system) / 1000) };
}

describe('bun.lock', () => {
  it('reads the trailing commas bun writes, and nothing inside strings', () => {
    const r = parse('{ "packages": { "a": ["a@1.0.0", "", { "x": "},]" }, "sha512-x",], }, }');
    expect(names(r)).toEqual(['a@1.0.0']);
  });

  it('resolves nested install paths like node_modules', () => {
    const r = parse(fixture('osv-scalibr/bunlock/nested-dependencies.json5'));
    expect(byKey(r, 'chalk').dependsOn).toEqual(['ansi-styles', 'chalk/supports-color']);
    expect(byKey(r, 'chalk/supports-color').dependsOn).toEqual(['chalk/supports-color/has-flag']);
    expect(byKey(r, 'supports-color').dependsOn).toEqual(['supports-color/has-flag']);
  });

  it('reads aliases as the package they install', () => {
    const r = parse(fixture('osv-scalibr/bunlock/alias.json5'));
    expect(byKey(r, 'supports-color-old')).toMatchObject({
      name: 'supports-color',
      version: '6.1.0',
      direct: true,
    });
  });

  it('leaves git, file and tarball packages unresolved', () => {
    const r = parse(fixture('osv-scalibr/bunlock/commits.json5'));
    expect(r.packages.filter((p) => !p.resolved).map((p) => p.key)).toEqual([
      '@prettier/sync',
      'babel-preset-php',
      'is-number-1',
      'is-number-2',
      'is-number-3',
      'raven-js',
      'slick-carousel',
    ]);
    expect(byKey(r, 'raven-js')).toMatchObject({ version: '', direct: true, dev: true });
    expect(names(parse(fixture('osv-scalibr/bunlock/files.json5')))).toEqual(['etag@', 'lodash@1.3.1']);
    expect(names(parse(fixture('osv-scalibr/bunlock/blog-sample.json5')))).toEqual(['uWebSockets.js@']);
  });

  it('reports entries that are not package tuples and keeps the others', () => {
    const r = parse(fixture('osv-scalibr/bunlock/bad-tuple.json5'));
    expect(names(r)).toEqual(['wrappy@1.0.2']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'packages["wrappy-bad1"] is not a ["name@version", …] entry; skipped',
      'packages["wrappy-bad2"] is not a ["name@version", …] entry; skipped',
    ]);
  });

  it('takes workspace versions and direct and dev from the workspaces block', () => {
    const r = parse(fixture('bun-lock/valid/bun.lock'));
    expect(byKey(r, '@app/shared')).toMatchObject({ version: '0.4.0', direct: true, dev: false });
    expect(byKey(r, '@app/shared/has-flag')).toMatchObject({ version: '3.0.0', direct: true });
    expect(byKey(r, 'typescript')).toMatchObject({ direct: true, dev: true, groups: ['dev'] });
  });

  it('rejects what is not JSON, with the line', () => {
    try {
      parse('{\n  "packages": {\n    "a": ["a@1.0.0"] "b"\n  }\n}');
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(LockfileError);
      expect((e as LockfileError).line).toBe(3);
    }
    expect(() => parse('["a"]')).toThrow(/top level/);
  });

  it('parses a 20 MB lockfile without hanging', () => {
    const parts = [
      '{\n  "lockfileVersion": 1,\n  "workspaces": { "": { "dependencies": { "pkg-0": "^1.0.0", }, }, },\n  "packages": {\n',
    ];
    const n = 95_000;
    for (let i = 0; i < n; i++) {
      parts.push(
        `    "pkg-${i}": ["pkg-${i}@1.0.${i}", "", { "dependencies": { "pkg-${i + 1}": "^1.0.0", "pkg-${(i * 7) % n}": "^1.0.0" } }, "sha512-Bq3SmSpyFHaWjPk8If9yc6svM8c56dB5BAtW4Qbw5jHTwwXXcTLoRMkpDJp6VL0XzlWaCHTXrkFURMYmD0sLqg=="],\n\n`,
      );
    }
    parts.push('  },\n}\n');
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(20e6);
    parse(fixture('bun-lock/valid/bun.lock'));
    const { value, ms } = timed(() => parse(text));
    expect(ms).toBeLessThan(30_000); // a hang guard: speed is measured in bench/, not here
    expect(value.packages).toHaveLength(n);
  });
});
