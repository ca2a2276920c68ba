import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LockfileError, type LockfileResult } from './parser.js';
import { yarnLockParser } from './yarn-lock.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));
const fixture = (rel: string) => readFileSync(`${FIXTURES}${rel}`, 'utf8');
const names = (r: LockfileResult) => r.packages.map((p) => `${p.name}@${p.version}`).sort();

function parse(text: string, path = 'yarn.lock', files: Record<string, string> = {}): LockfileResult {
  return yarnLockParser.parse({ path, text, readFile: (p) => files[p] });
}

/** Wall time, or CPU time when that is less: other work on a shared machine is not the parser's. */
function timed<T>(f: () => T): { value: T; ms: number } {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  const value = f();
  const cpu = process.cpuUsage(c0);
  return { value, ms: Math.min(performance.now() - t0, (cpu.user + cpu.system) / 1000) };
}

describe('yarn.lock v1', () => {
  it('reads entries with several descriptors, quoted keys and scoped names', () => {
    const r = parse(fixture('osv-scalibr/yarnlock/multiple-constraints.v1.lock'));
    expect(names(r)).toEqual(['@babel/code-frame@7.12.13', 'domelementtype@1.3.1']);
    expect(r.packages.find((p) => p.name === '@babel/code-frame')?.key).toBe('@babel/code-frame@7.12.13');
    expect(r.packages.find((p) => p.name === 'domelementtype')?.source).toEqual({
      path: 'yarn.lock',
      line: 5,
    });
    expect(names(parse(fixture('osv-scalibr/yarnlock/with-quotes.v1.lock')))).toEqual([
      'concat-map@0.0.1',
      'concat-stream@1.6.2',
    ]);
    expect(names(parse(fixture('osv-scalibr/yarnlock/no-version.v1.lock')))).toEqual([
      'balanced-match@1.0.2',
    ]);
  });

  it('reads aliases as the package they install, and build metadata as part of the version', () => {
    expect(names(parse(fixture('osv-scalibr/yarnlock/with-aliases.v1.lock')))).toEqual([
      '@babel/helper-validator-identifier@7.22.20',
      'ansi-regex@5.0.1',
      'ansi-regex@6.0.1',
    ]);
    expect(names(parse(fixture('osv-scalibr/yarnlock/with-build-string.v1.lock')))).toContain(
      'domino@2.1.6+git',
    );
  });

  it('keeps git and file packages with the version yarn recorded', () => {
    const r = parse(fixture('osv-scalibr/yarnlock/commits.v1.lock'));
    expect(r.packages).toHaveLength(18);
    expect(r.packages.find((p) => p.name === 'mine1')?.version).toBe('1.0.0-alpha.37');
    const files = parse(fixture('osv-scalibr/yarnlock/files.v1.lock'));
    expect(files.packages.find((p) => p.name === 'other_package')?.dependsOn).toEqual([
      'lodash@1.3.1',
      'etag@1.8.1',
    ]);
  });

  it('takes hashes from integrity, or from a tarball URL, never from a git commit', () => {
    const r = parse(fixture('osv-scalibr/yarnlock/commits.v1.lock'));
    expect(r.packages.find((p) => p.name === 'mine1')?.hashes).toBeUndefined();
    const quoted = parse(fixture('osv-scalibr/yarnlock/with-quotes.v1.lock'));
    expect(quoted.packages.find((p) => p.name === 'concat-map')?.hashes).toEqual([
      { alg: 'SHA-1', value: Buffer.from('2Klr13/Wjfd5OnMDajug1UBdR3s=', 'base64').toString('hex') },
    ]);
    const files = parse(fixture('osv-scalibr/yarnlock/files.v1.lock'));
    expect(files.packages.find((p) => p.name === 'etag' && p.version === '1.8.1')?.hashes).toEqual([
      { alg: 'SHA-1', value: '41ae2eeb65efa62268aebfea83ac7d79299b0887' },
    ]);
  });

  it('classifies direct and dev from the package.json beside it', () => {
    const dir = 'yarn-lock/valid-v1/';
    const r = parse(fixture(`${dir}yarn.lock`), 'web/yarn.lock', {
      'web/package.json': fixture(`${dir}package.json`),
    });
    expect(r.packages.find((p) => p.name === 'chalk')).toMatchObject({ direct: false, dev: false });
    expect(r.packages.find((p) => p.version === '1.3.0')).toMatchObject({
      direct: true,
      dev: true,
      groups: ['dev'],
    });
    expect(parse(fixture(`${dir}yarn.lock`)).packages[0]!.direct).toBeUndefined();
  });

  it('skips an entry without a version, with a warning on its line', () => {
    const r = parse('a@^1.0.0:\n  resolved "x"\n\nb@^2.0.0:\n  version "2.0.0"\n');
    expect(names(r)).toEqual(['b@2.0.0']);
    expect(r.warnings).toEqual([{ message: 'a@^1.0.0 has no version; skipped', line: 1 }]);
  });

  it.each([
    ['a header without a colon', 'left-pad@^1.0.0\n  version "1.0.0"\n', 1, /ending with ":"/],
    ['an indented line before any header', '  version "1.0.0"\n', 1, /before any package header/],
    ['an unterminated string', '"a@^1.0.0:\n  version "1"\n', 1, /unterminated/],
    ['a tab in the indentation', 'a@^1:\n\tversion "1.0.0"\n', 2, /tab/],
    ['text after a value', 'a@^1:\n  version "1.0.0" extra\n', 2, /after a value/],
  ])('rejects %s with the line', (_, text, line, message) => {
    try {
      parse(text);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(LockfileError);
      expect((e as LockfileError).line).toBe(line);
      expect((e as LockfileError).message).toMatch(message);
    }
  });

  it('parses a 20 MB lockfile without hanging', () => {
    const entry = (i: number) =>
      `"pkg-${i}@^1.0.0", pkg-${i}@~1.0.0:\n  version "1.0.${i}"\n  resolved "https://registry.yarnpkg.com/pkg-${i}/-/pkg-${i}-1.0.${i}.tgz#41ae2eeb65efa62268aebfea83ac7d79299b0887"\n  integrity sha512-Bq3SmSpyFHaWjPk8If9yc6svM8c56dB5BAtW4Qbw5jHTwwXXcTLoRMkpDJp6VL0XzlWaCHTXrkFURMYmD0sLqg==\n  dependencies:\n    pkg-${i + 1} "^1.0.0"\n    pkg-${i + 2} "~1.0.0"\n\n`;
    const parts: string[] = ['# yarn lockfile v1\n\n'];
    for (let i = 0; i < 60_000; i++) parts.push(entry(i));
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(20e6);
    parse(fixture('yarn-lock/valid-v1/yarn.lock'));
    const { value, ms } = timed(() => parse(text));
    expect(ms).toBeLessThan(30_000); // hang guard: speed is measured in bench/
    expect(value.packages).toHaveLength(60_000);
    expect(value.packages[0]?.dependsOn).toEqual(['pkg-1@1.0.1', 'pkg-2@1.0.2']);
  });
});

describe('yarn.lock from yarn 2+ (berry)', () => {
  it('reads resolutions, aliases and git sources', () => {
    expect(names(parse(fixture('osv-scalibr/yarnlock/with-aliases.v2.lock')))).toEqual([
      '@babel/helper-validator-identifier@7.22.20',
      'ansi-regex@5.0.1',
      'ansi-regex@6.0.1',
    ]);
    expect(parse(fixture('osv-scalibr/yarnlock/commits.v2.lock')).packages).toHaveLength(7);
    expect(names(parse(fixture('osv-scalibr/yarnlock/files.v2.lock')))).toEqual(['my-package@0.0.2']);
    expect(parse(fixture('osv-scalibr/yarnlock/metadata-only.v2.lock')).packages).toEqual([]);
  });

  it('leaves out the root workspace and reads other workspaces’ versions from their package.json', () => {
    const text = fixture('osv-scalibr/yarnlock/exclude-root.v2.lock');
    const without = parse(text);
    expect(without.packages.map((p) => [p.name, p.version, p.resolved])).toEqual([
      ['@ws/ansi-regex', '', false],
      ['ansi-regex', '6.1.0', true],
    ]);
    const withManifest = parse(text, 'yarn.lock', { 'ansi-regex/package.json': '{"version": "2.3.4"}' });
    expect(withManifest.packages[0]).toMatchObject({
      name: '@ws/ansi-regex',
      version: '2.3.4',
      resolved: true,
    });
  });

  it('folds a patched package into the package it patches', () => {
    const dir = 'yarn-lock/valid-berry/';
    const r = parse(fixture(`${dir}yarn.lock`));
    expect(r.packages.filter((p) => p.name === 'resolve')).toHaveLength(1);
    expect(r.packages.find((p) => p.name === 'resolve')).toMatchObject({
      key: 'resolve@npm:1.22.8',
      dependsOn: ['is-core-module@npm:2.13.1'],
      direct: true,
    });
    // yarn's checksums hash its cache archive, not the registry tarball.
    expect(r.packages.every((p) => p.hashes === undefined)).toBe(true);
  });

  it('tells dev from runtime with the workspaces’ package.json files', () => {
    const dir = 'yarn-lock/valid-berry/';
    const r = parse(fixture(`${dir}yarn.lock`), 'yarn.lock', {
      'package.json': fixture(`${dir}package.json`),
      'packages/ui/package.json': fixture(`${dir}packages/ui/package.json`),
    });
    expect(r.packages.find((p) => p.name === 'is-core-module')).toMatchObject({ dev: true, direct: false });
    expect(r.packages.find((p) => p.name === 'ms')).toMatchObject({ dev: false, direct: true });
    expect(parse(fixture(`${dir}yarn.lock`)).packages.find((p) => p.name === 'ms')?.dev).toBeUndefined();
  });

  it('rejects YAML that is not valid, with the line', () => {
    const text = '__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: 1.0.0\n  version: 1.0.1\n';
    expect(() => parse(text)).toThrow(LockfileError);
    expect(() => parse(text)).toThrow(/duplicate key "version"/);
  });

  it('parses a 20 MB lockfile without hanging', () => {
    const entry = (i: number) =>
      `"pkg-${i}@npm:^1.0.0, pkg-${i}@npm:~1.0.0":\n  version: 1.0.${i}\n  resolution: "pkg-${i}@npm:1.0.${i}"\n  dependencies:\n    pkg-${i + 1}: "npm:^1.0.0"\n    pkg-${i + 2}: "npm:~1.0.0"\n  checksum: 10c0/${'ab'.repeat(64)}\n  languageName: node\n  linkType: hard\n\n`;
    const parts: string[] = ['__metadata:\n  version: 8\n  cacheKey: 10c0\n\n'];
    for (let i = 0; i < 60_000; i++) parts.push(entry(i));
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(20e6);
    parse(fixture('yarn-lock/valid-berry/yarn.lock'));
    const { value, ms } = timed(() => parse(text));
    expect(ms).toBeLessThan(30_000); // hang guard: speed is measured in bench/
    expect(value.packages).toHaveLength(60_000);
  });
});

describe('yarn.lock parser', () => {
  it('matches yarn.lock only', () => {
    expect(yarnLockParser.matches('a/b/yarn.lock')).toBe(true);
    expect(yarnLockParser.matches('yarn.lock.bak')).toBe(false);
  });
});
