import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { npmPackageLockParser } from './npm-package-lock.js';
import { LockfileError, type LockfileResult } from './parser.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));
const fixture = (rel: string) => readFileSync(`${FIXTURES}${rel}`, 'utf8');
const names = (r: LockfileResult) => r.packages.map((p) => `${p.name}@${p.version}`).sort();

function parse(text: string, path = 'package-lock.json', files: Record<string, string> = {}): LockfileResult {
  return npmPackageLockParser.parse({ path, text, readFile: (p) => files[p] });
}

/** Wall time, or CPU time when that is less: other work on a shared machine is not the parser's. */
function timed<T>(f: () => T): { value: T; ms: number } {
  const [t0, c0] = [performance.now(), process.cpuUsage()];
  const value = f();
  const cpu = process.cpuUsage(c0);
  return { value, ms: Math.min(performance.now() - t0, (cpu.user + cpu.system) / 1000) };
}

const byKey = (r: LockfileResult, key: string) => r.packages.find((p) => p.key === key)!;

describe('npm package-lock.json v2/v3', () => {
  it('reads aliases under their real name', () => {
    const r = parse(fixture('osv-scalibr/packagelockjson/alias.v2.json'));
    expect(names(r)).toEqual(['@babel/code-frame@7.0.0', 'string-width@4.2.0', 'string-width@5.1.2']);
    expect(byKey(r, 'node_modules/string-width-cjs').name).toBe('string-width');
  });

  it('names folders outside node_modules after their path when nothing links to them', () => {
    const r = parse(fixture('osv-scalibr/packagelockjson/files.v2.json'));
    expect(names(r)).toEqual(['abbrev@1.0.9', 'abbrev@2.3.4', 'etag@1.8.0']);
  });

  it('reports git dependencies with the version npm recorded', () => {
    const r = parse(fixture('osv-scalibr/packagelockjson/commits.v2.json'));
    expect(r.packages.find((p) => p.name === 'raven-js')).toMatchObject({ version: '', resolved: false });
    expect(
      r.packages.find((p) => p.name === '@segment/analytics.js-integration-facebook-pixel')?.version,
    ).toBe('2.4.1');
  });

  it('maps dev, optional, devOptional, peer and bundled to dev and groups', () => {
    const optional = parse(fixture('osv-scalibr/packagelockjson/optional-package.v2.json'));
    expect(byKey(optional, 'node_modules/wrappy')).toMatchObject({ dev: false, groups: ['optional'] });
    // devOptional: also an optional dependency of a runtime package, so not dev-only.
    expect(byKey(optional, 'node_modules/supports-color')).toMatchObject({
      dev: false,
      groups: ['dev', 'optional'],
    });
    const bundled = parse(fixture('osv-scalibr/packagelockjson/bundled-dependencies.v3.json'));
    expect(byKey(bundled, 'node_modules/semver')).toMatchObject({
      dev: true,
      groups: ['bundled', 'dev'],
      direct: true,
    });
    expect(byKey(bundled, 'node_modules/ansi-regex')).toMatchObject({
      dev: false,
      direct: false,
      licenses: ['MIT'],
    });
    expect(byKey(bundled, 'node_modules/strip-ansi').dependsOn).toEqual(['node_modules/ansi-regex']);
  });

  it('decodes integrity to hex digests', () => {
    const r = parse(fixture('osv-scalibr/packagelockjson/bundled-dependencies.v3.json'));
    const sri = 'Bq3SmSpyFHaWjPk8If9yc6svM8c56dB5BAtW4Qbw5jHTwwXXcTLoRMkpDJp6VL0XzlWaCHTXrkFURMYmD0sLqg==';
    expect(byKey(r, 'node_modules/ansi-regex').hashes).toEqual([
      { alg: 'SHA-512', value: Buffer.from(sri, 'base64').toString('hex') },
    ]);
  });

  it('resolves dependencies the way node does: nested first, then up the tree', () => {
    const r = parse(fixture('npm-package-lock/valid/package-lock.json'));
    expect(byKey(r, 'node_modules/express').dependsOn).toEqual(['node_modules/express/node_modules/debug']);
    expect(byKey(r, 'node_modules/express/node_modules/debug').dependsOn).toEqual(['node_modules/ms']);
    expect(byKey(r, 'node_modules/debug').dependsOn).toEqual(['node_modules/debug/node_modules/ms']);
    // A workspace is reached through its link; its own dependencies count as the project's.
    expect(byKey(r, 'packages/ui')).toMatchObject({
      name: '@shop/ui',
      dependsOn: ['node_modules/debug', 'node_modules/ms'],
    });
  });

  it('reads packages named like Object.prototype members', () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        'node_modules/constructor': { version: '1.0.0' },
        'node_modules/__proto__': { version: '2.0.0' },
      },
    };
    expect(names(parse(JSON.stringify(lock)))).toEqual(['__proto__@2.0.0', 'constructor@1.0.0']);
  });

  it('skips entries that are not packages, with a warning', () => {
    const lock = {
      packages: {
        'node_modules/a': 'oops',
        'node_modules/b c': { version: '1.0.0' },
        'node_modules/d': { version: '1.0.0' },
      },
    };
    const r = parse(JSON.stringify(lock));
    expect(names(r)).toEqual(['d@1.0.0']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'packages["node_modules/a"] is not an object; skipped',
      'packages["node_modules/b c"]: "b c" is not a package name; skipped',
    ]);
  });
});

describe('npm package-lock.json v1', () => {
  it('flattens the nested tree into install paths', () => {
    const r = parse(fixture('osv-scalibr/packagelockjson/nested-dependencies-dup.v1.json'));
    expect(r.packages).toHaveLength(73);
    expect(new Set(r.packages.map((p) => p.key)).size).toBe(73);
    expect(new Set(names(r)).size).toBe(39);
    expect(r.packages.filter((p) => p.key.split('/node_modules/').length > 1)).not.toEqual([]);
  });

  it('reads aliases and leaves git and file dependencies unresolved', () => {
    expect(names(parse(fixture('osv-scalibr/packagelockjson/alias.v1.json')))).toEqual([
      '@babel/code-frame@7.0.0',
      'string-width@4.2.0',
      'string-width@5.1.2',
    ]);
    const files = parse(fixture('osv-scalibr/packagelockjson/files.v1.json'));
    expect(files.packages.find((p) => p.name === 'other_package')).toMatchObject({
      version: '',
      resolved: false,
    });
    expect(files.packages.find((p) => p.name === 'other_package')?.constraint).toBeUndefined();
    const commits = parse(fixture('osv-scalibr/packagelockjson/commits.v1.json'));
    expect(commits.packages.filter((p) => p.resolved).map((p) => p.name)).toEqual([
      'ansi-styles',
      'postcss-calc',
    ]);
  });

  it('takes direct dependencies from the package.json beside it', () => {
    const dir = 'npm-package-lock/valid-v1/';
    const r = parse(fixture(`${dir}package-lock.json`), 'app/package-lock.json', {
      'app/package.json': fixture(`${dir}package.json`),
    });
    expect(r.packages.filter((p) => p.direct).map((p) => p.name)).toEqual(['chalk', 'mocha', 'private-tool']);
    expect(byKey(r, 'node_modules/supports-color').dependsOn).toEqual([
      'node_modules/supports-color/node_modules/has-flag',
    ]);
    expect(parse(fixture(`${dir}package-lock.json`)).packages[0]!.direct).toBeUndefined();
  });

  it('refuses nesting deeper than npm ever writes', () => {
    let deps: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) deps = { a: { version: '1.0.0', dependencies: deps } };
    expect(() => parse(JSON.stringify({ lockfileVersion: 1, dependencies: deps }))).toThrow(
      /nested deeper than 256/,
    );
  });
});

describe('npm-shrinkwrap.json', () => {
  it('is read, and a package-lock.json beside it is not (npm ignores it too)', () => {
    const shrinkwrap = fixture('osv-scalibr/packagelockjson/both/npm-shrinkwrap.json');
    const lock = fixture('osv-scalibr/packagelockjson/both/package-lock.json');
    expect(names(parse(shrinkwrap, 'x/npm-shrinkwrap.json', { 'x/package-lock.json': lock }))).toEqual([
      'supports-color@5.5.0',
      'wrappy@1.0.2',
    ]);
    const ignored = parse(lock, 'x/package-lock.json', { 'x/npm-shrinkwrap.json': shrinkwrap });
    expect(ignored.packages).toEqual([]);
    expect(ignored.warnings[0]?.message).toMatch(/npm-shrinkwrap\.json/);
  });

  it('matches both file names and nothing else', () => {
    expect(npmPackageLockParser.matches('a/package-lock.json')).toBe(true);
    expect(npmPackageLockParser.matches('npm-shrinkwrap.json')).toBe(true);
    expect(npmPackageLockParser.matches('node_modules/.package-lock.json')).toBe(false);
  });
});

describe('malformed package-lock.json', () => {
  it('says what is wrong and where', () => {
    const err = (() => {
      try {
        parse('{\n  "packages": {\n    "a": 1,\n  }\n}');
      } catch (e) {
        return e as LockfileError;
      }
    })();
    expect(err).toBeInstanceOf(LockfileError);
    expect(err?.message).toMatch(/^not valid JSON/);
    expect(err?.line).toBe(4);
    expect(() => parse('[1, 2]')).toThrow(/expected an object at the top level, found a list/);
    expect(() => parse('')).toThrow(/empty/);
  });

  it('parses a 20 MB lockfile without hanging', () => {
    const packages: Record<string, unknown> = { '': { dependencies: { 'pkg-0': '^1.0.0' } } };
    for (let j = 0; j < 65_000; j++) {
      packages[`node_modules/pkg-${j % 1000}${j >= 1000 ? `/node_modules/pkg-${j}` : ''}`] = {
        version: `1.0.${j}`,
        resolved: `https://registry.npmjs.org/pkg-${j}/-/pkg-${j}-1.0.${j}.tgz`,
        integrity:
          'sha512-Bq3SmSpyFHaWjPk8If9yc6svM8c56dB5BAtW4Qbw5jHTwwXXcTLoRMkpDJp6VL0XzlWaCHTXrkFURMYmD0sLqg==',
        license: 'MIT',
        dependencies: { [`pkg-${j + 1}`]: '^1.0.0', [`pkg-${(j * 7) % 1000}`]: '^1.0.0' },
      };
    }
    const text = JSON.stringify({ lockfileVersion: 3, packages }, null, 2);
    expect(text.length).toBeGreaterThan(20e6);
    parse(fixture('npm-package-lock/valid/package-lock.json'));
    const { value, ms } = timed(() => parse(text));
    expect(ms).toBeLessThan(30_000); // hang guard: speed is measured in bench/
    expect(value.packages).toHaveLength(65_000);
  });
});
