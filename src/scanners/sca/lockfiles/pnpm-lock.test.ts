import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LockfileError, type LockfileResult } from './parser.js';
import { parseDepPath, withoutPeers } from './pnpm-dep-path.js';
import { pnpmLockParser } from './pnpm-lock.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));
const fixture = (rel: string) => readFileSync(`${FIXTURES}${rel}`, 'utf8');
const names = (r: LockfileResult) => r.packages.map((p) => `${p.name}@${p.version}`).sort();
const parse = (text: string): LockfileResult =>
  pnpmLockParser.parse({ path: 'pnpm-lock.yaml', text, readFile: () => undefined });
const byName = (r: LockfileResult, name: string) => r.packages.find((p) => p.name === name)!;

/** Wall time, or CPU time when that is less: other work on a shared machine is not the parser's. */
function timed<T>(f: () => T): { value: T; ms: number } {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  const value = f();
  const cpu = process.cpuUsage(c0);
  return { value, ms: Math.min(performance.now() - t0, (cpu.user + cpu.system) / 1000) };
}

describe('pnpm package keys', () => {
  it.each([
    ['/acorn/8.7.0', 5, { name: 'acorn', version: '8.7.0' }],
    ['/@babel/core/7.20.12', 5, { name: '@babel/core', version: '7.20.12' }],
    ['registry.npmjs.org/@foo/bar/1.1.0', 5, { name: '@foo/bar', version: '1.1.0' }],
    ['/foo/bar', 5, {}],
    ['github.com/kevva/is-positive', 5, {}],
    ['/@typescript-eslint/types@5.57.1', 6, { name: '@typescript-eslint/types', version: '5.57.1' }],
    ['react-dom@18.2.0', 9, { name: 'react-dom', version: '18.2.0' }],
    ['is-number@https://codeload.github.com/x/y/tar.gz/98e8ff1', 9, { name: 'is-number' }],
  ])('%s (lockfile %i)', (key, major, want) => {
    expect(parseDepPath(key, major)).toEqual(want);
  });

  it.each([
    ['/foo/1.4.0_@types+babel__core@7.1.14', 5, '/foo/1.4.0'],
    ['/a/5.13.0_33fffc354ccfa91fbe7d1677b9395a0a', 5, '/a/5.13.0'],
    ['file:../a_b', 5, 'file:../a_b'],
    ['/foo_bar/1.0.0', 5, '/foo_bar/1.0.0'],
    ['/@a/b@1.0.0(react@18.2.0)(@types/react@18.0.0)', 6, '/@a/b@1.0.0'],
    ['react-dom@18.2.0(react@18.2.0)', 9, 'react-dom@18.2.0'],
  ])('strips the peer suffix of %s', (key, major, want) => {
    expect(withoutPeers(key, major)).toBe(want);
  });
});

describe('pnpm-lock.yaml', () => {
  it('reads registry, scoped, non-default-registry and peer-suffixed keys (5.x)', () => {
    const r = parse(fixture('osv-scalibr/pnpmlock/exotic.yaml'));
    expect(names(r)).toEqual([
      '@foo/bar@1.0.0',
      '@foo/bar@1.1.0',
      'foo@1.0.0',
      'foo@1.1.0',
      'foo@1.2.0',
      'foo@1.3.0',
      'foo@1.4.0',
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'cannot tell the package name and version of "github.com/kevva/is-positive"; skipped',
      'cannot tell the package name and version of "/foo/bar"; skipped',
    ]);
  });

  it('takes name and version fields of git, tarball and local packages', () => {
    expect(parse(fixture('osv-scalibr/pnpmlock/commits.yaml')).packages).toHaveLength(5);
    expect(names(parse(fixture('osv-scalibr/pnpmlock/tarball.yaml')))).toEqual(['@my-org/my-package@3.2.3']);
    expect(names(parse(fixture('osv-scalibr/pnpmlock/commits.v9.yaml')))).toEqual([
      'ansi-regex@6.0.1',
      'is-number@7.0.0',
    ]);
    const files = parse(fixture('osv-scalibr/pnpmlock/files.yaml'));
    expect(names(files)).toContain('one-up-with-peer@1.0.0');
    expect(files.warnings).toHaveLength(1);
  });

  it('merges the peer variants of a package into one, with their edges', () => {
    const r = parse(fixture('osv-scalibr/pnpmlock/peer-dependencies-advanced.yaml'));
    expect(r.packages.filter((p) => p.name === '@typescript-eslint/parser')).toHaveLength(1);
    expect(byName(r, '@typescript-eslint/parser').dependsOn).toContain(
      '/@typescript-eslint/typescript-estree/5.13.0',
    );
    const v9 = parse(fixture('osv-scalibr/pnpmlock/peer-dependencies-advanced.v9.yaml'));
    expect(v9.packages).toHaveLength(13);
    expect(byName(v9, '@typescript-eslint/eslint-plugin').dependsOn).toContain(
      '@typescript-eslint/parser@5.62.0',
    );
  });

  it.each(['mixed-groups.v53.yaml', 'mixed-groups.v6.yaml', 'mixed-groups.v9.yaml'])(
    'tells runtime, dev and optional apart in %s',
    (file) => {
      const r = parse(fixture(`osv-scalibr/pnpmlock/${file}`));
      expect(byName(r, 'ansi-regex')).toMatchObject({ direct: true, dev: false });
      expect(byName(r, 'is-number')).toMatchObject({ direct: true, dev: true, groups: ['dev'] });
      expect(byName(r, 'uuid')).toMatchObject({ direct: true, dev: false, groups: ['optional'] });
    },
  );

  it('resolves aliases and workspace importers (lockfile 9)', () => {
    const r = parse(fixture('pnpm-lock/valid-v9/pnpm-lock.yaml'));
    expect(byName(r, 'string-width')).toMatchObject({ key: 'string-width@4.2.3', direct: true });
    expect(byName(r, 'loose-envify')).toMatchObject({ direct: true, dependsOn: ['js-tokens@4.0.0'] });
    expect(byName(r, 'react-dom').hashes?.[0]?.alg).toBe('SHA-512');
  });

  it('reports a key it cannot read and keeps the rest', () => {
    const r = parse(fixture('osv-scalibr/pnpmlock/invalid-paths.yaml'));
    expect(names(r)).toEqual(['acorn@8.7.0']);
    expect(r.warnings).toHaveLength(2);
  });

  it('reads YAML outside the fast subset through the general parser, and refuses bombs', () => {
    const anchored =
      "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: &res\n    resolution: {integrity: sha512-x}\n  b@1.0.0: *res\n";
    expect(names(parse(anchored))).toEqual(['a@1.0.0', 'b@1.0.0']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(() => parse(bomb.join('\n'))).toThrow(LockfileError);
    expect(() => parse('lockfileVersion: 5.4\npackages: [unclosed\n')).toThrow(LockfileError);
  });

  it('parses a 20 MB lockfile without hanging', () => {
    // Shaped like a real lockfile 9: scoped names, engines, about four dependencies each.
    const n = 52_000;
    const name = (i: number) => `'@scope-${i % 100}/pkg-${i}`;
    const parts = ["lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n"];
    parts.push(`      ${name(0)}':\n        specifier: ^1.0.0\n        version: 1.0.0\n\npackages:\n\n`);
    for (let i = 0; i < n; i++) {
      parts.push(
        `  ${name(i)}@1.0.${i}':\n    resolution: {integrity: sha512-Bq3SmSpyFHaWjPk8If9yc6svM8c56dB5BAtW4Qbw5jHTwwXXcTLoRMkpDJp6VL0XzlWaCHTXrkFURMYmD0sLqg==}\n    engines: {node: '>=12'}\n\n`,
      );
    }
    parts.push('snapshots:\n\n');
    for (let i = 0; i < n; i++) {
      const deps = [1, 2, 3, 4].map((d) => `      ${name((i + d) % n)}': 1.0.${(i + d) % n}\n`).join('');
      parts.push(`  ${name(i)}@1.0.${i}':\n    dependencies:\n${deps}\n`);
    }
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(20e6);
    parse(fixture('pnpm-lock/valid-v9/pnpm-lock.yaml'));
    const { value, ms } = timed(() => parse(text));
    expect(ms).toBeLessThan(30_000); // hang guard: speed is measured in bench/
    expect(value.packages).toHaveLength(n);
    expect(value.packages[0]?.dependsOn).toHaveLength(4);
  });
});
