import { describe, expect, it } from 'vitest';
import { composerLockParser as parser } from './composer-lock.js';
import { LockfileError, type LockfileInput, MAX_LOCKFILE_BYTES } from './parser.js';

const SHA1 = '70b03b6c7868ced71ed0b3ca596ad83e76c2adc0';

function input(doc: unknown, files: Record<string, string> = {}): LockfileInput {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 4);
  return { path: 'web/composer.lock', text, readFile: (p) => files[p] };
}

const LOCK = {
  packages: [
    {
      name: 'symfony/console',
      version: 'v6.4.1',
      dist: { type: 'zip', shasum: SHA1 },
      require: { php: '>=8.1', 'symfony/polyfill-mbstring': '~1.0' },
      license: ['MIT'],
    },
    { name: 'symfony/polyfill-mbstring', version: 'v1.28.0', dist: { shasum: '' }, license: ['MIT'] },
    { name: 'drupal/tfa', version: '2.0.0-alpha4', license: ['GPL-2.0-or-later', 'MIT OR Apache-2.0'] },
  ],
  'packages-dev': [{ name: 'phpunit/phpunit', version: '10.5.2', require: { 'symfony/console': '^6' } }],
};

describe('composer.lock parser', () => {
  it('matches composer.lock only', () => {
    expect(parser.matches('composer.lock')).toBe(true);
    expect(parser.matches('a/composer.json')).toBe(false);
  });

  it('reads runtime and dev packages, stripping a v prefix from the version and the purl', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.key, p.version, p.dev, p.groups])).toEqual([
      ['symfony/console@6.4.1', '6.4.1', false, undefined],
      ['symfony/polyfill-mbstring@1.28.0', '1.28.0', false, undefined],
      ['drupal/tfa@2.0.0-alpha4', '2.0.0-alpha4', false, undefined],
      ['phpunit/phpunit@10.5.2', '10.5.2', true, ['dev']],
    ]);
    expect(packages[0]!.purl).toBe('pkg:composer/symfony/console@6.4.1');
    expect(
      packages.every(
        (p) => p.ecosystem === 'Packagist' && p.resolved && p.source.path === 'web/composer.lock',
      ),
    ).toBe(true);
  });

  it('keeps SHA-1 dist checksums, licenses (several = a choice) and require edges', () => {
    const [console, polyfill, tfa, phpunit] = parser.parse(input(LOCK)).packages;
    expect(console!.hashes).toEqual([{ alg: 'SHA-1', value: SHA1 }]);
    expect(polyfill!.hashes).toBeUndefined();
    expect(console!.licenses).toEqual(['MIT']);
    expect(tfa!.licenses).toEqual(['GPL-2.0-or-later OR (MIT OR Apache-2.0)']);
    expect(console!.dependsOn).toEqual(['symfony/polyfill-mbstring@1.28.0']);
    expect(phpunit!.dependsOn).toEqual(['symfony/console@6.4.1']);
  });

  it('marks direct packages from the sibling composer.json, case-insensitively', () => {
    const manifest = JSON.stringify({
      require: { 'Symfony/Console': '^6.4' },
      'require-dev': { 'phpunit/phpunit': '^10' },
    });
    const { packages } = parser.parse(input(LOCK, { 'web/composer.json': manifest }));
    expect(packages.map((p) => p.direct)).toEqual([true, false, false, true]);
    expect(parser.parse(input(LOCK)).packages[0]).not.toHaveProperty('direct');
  });

  it('warns about a broken composer.json and about entries without a name or version', () => {
    const lock = {
      packages: [
        { name: 'a/b' },
        'junk',
        { name: 'vendor/', version: '1' },
        { name: 'c/d', version: '1.0.0' },
      ],
    };
    const { packages, warnings } = parser.parse(input(lock, { 'web/composer.json': '{' }));
    expect(packages.map((p) => p.name)).toEqual(['c/d']);
    expect(warnings.map((w) => w.message)).toEqual([
      'packages[0] has no vendor/name and version; skipped',
      'packages[1] has no vendor/name and version; skipped',
      'packages[2] has no vendor/name and version; skipped',
      expect.stringMatching(/^web\/composer\.json cannot be read \(not valid JSON/),
    ]);
  });

  it('keeps the same package locked twice as two packages with distinct keys', () => {
    const lock = {
      packages: [{ name: 'a/b', version: '1.0' }],
      'packages-dev': [{ name: 'a/b', version: 'v1.0' }],
    };
    expect(parser.parse(input(lock)).packages.map((p) => p.key)).toEqual(['a/b@1.0', 'a/b@1.0 #2']);
  });

  it('fails clearly on text that is not a composer.lock', () => {
    expect(() => parser.parse(input('this is not json!'))).toThrow(LockfileError);
    expect(() => parser.parse(input('null'))).toThrow(/not a JSON object/);
    expect(() => parser.parse(input('{"packages": {"a": 1}}'))).toThrow(/"packages" is not an array/);
    expect(() => parser.parse(input(JSON.stringify(LOCK).slice(0, 120)))).toThrow(/not valid JSON/);
  });

  it('survives hostile input: deep nesting, oversized text, many same-name entries', () => {
    const deep = parser.parse(input(`{"packages": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`));
    expect(deep.packages).toEqual([]);
    expect(() => parser.parse(input(' '.repeat(MAX_LOCKFILE_BYTES + 1)))).toThrow(/larger than/);
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      name: 'a/a',
      version: `1.0.${i}`,
      require: { 'a/a': '*' },
    }));
    const { packages, warnings } = parser.parse(input({ packages: many }));
    expect(packages).toHaveLength(20_000);
    expect(warnings).toEqual([{ message: 'a/a is listed 20000 times; dependency edges to it are left out' }]);
  });
});
