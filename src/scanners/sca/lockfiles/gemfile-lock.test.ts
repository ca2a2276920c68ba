import { describe, expect, it } from 'vitest';
import { gemfileLockParser as parser } from './gemfile-lock.js';
import { LockfileError, type LockfileInput, MAX_LOCKFILE_BYTES } from './parser.js';

const SHA = 'a'.repeat(64);

function input(text: string, path = 'Gemfile.lock'): LockfileInput {
  return { path, text, readFile: () => undefined };
}

const LOCK = `PATH
  remote: .
  specs:
    myapp (0.1.0)
      rack (~> 2.0)

PATH
  remote: vendor/gems/legacy
  specs:
    legacy (1.0.0)

GIT
  remote: https://github.com/hanami/utils.git
  revision: 5904fc9a70683b8749aa2861257d0c8c01eae4aa
  branch: unstable
  specs:
    hanami-utils (2.0.0.alpha1)
      concurrent-ruby (~> 1.0)

GEM
  remote: https://rubygems.org/
  specs:
    concurrent-ruby (1.1.7)
    nokogiri (1.15.4-arm64-darwin)
      racc (~> 1.4)
    nokogiri (1.15.4-x86_64-linux)
      racc (~> 1.4)
    racc (1.7.1)
    rack (2.2.3)

PLATFORMS
  arm64-darwin
  x86_64-linux

DEPENDENCIES
  hanami-utils!
  legacy!
  myapp!
  nokogiri (>= 1.15)

CHECKSUMS
  nokogiri (1.15.4-x86_64-linux) sha256=${SHA}
  racc (1.7.1)

BUNDLED WITH
   2.5.3
`;

describe('Gemfile.lock parser', () => {
  it('matches Gemfile.lock and gems.locked', () => {
    expect(parser.matches('Gemfile.lock')).toBe(true);
    expect(parser.matches('app/gems.locked')).toBe(true);
    expect(parser.matches('Gemfile')).toBe(false);
  });

  it('reports GEM, GIT and vendored PATH gems, but not the project gemspec itself', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => p.key)).toEqual([
      'legacy@1.0.0',
      'hanami-utils@2.0.0.alpha1',
      'concurrent-ruby@1.1.7',
      'nokogiri@1.15.4-arm64-darwin',
      'nokogiri@1.15.4-x86_64-linux',
      'racc@1.7.1',
      'rack@2.2.3',
    ]);
    expect(packages.every((p) => p.ecosystem === 'RubyGems' && p.resolved)).toBe(true);
  });

  it('splits the platform off the version and keeps it in the purl', () => {
    const nokogiri = parser
      .parse(input(LOCK))
      .packages.find((p) => p.key === 'nokogiri@1.15.4-x86_64-linux')!;
    expect(nokogiri).toMatchObject({
      name: 'nokogiri',
      version: '1.15.4',
      source: { path: 'Gemfile.lock', line: 26 },
    });
    expect(nokogiri.purl).toContain('platform=x86_64-linux');
    expect(nokogiri.hashes).toEqual([{ alg: 'SHA-256', value: SHA }]);
    expect(nokogiri.dependsOn).toEqual(['racc@1.7.1']);
  });

  it('marks DEPENDENCIES and what the project gemspec requires as direct', () => {
    const direct = parser
      .parse(input(LOCK))
      .packages.filter((p) => p.direct)
      .map((p) => p.key);
    expect(direct).toEqual([
      'legacy@1.0.0',
      'hanami-utils@2.0.0.alpha1',
      'nokogiri@1.15.4-arm64-darwin',
      'nokogiri@1.15.4-x86_64-linux',
      'rack@2.2.3',
    ]);
  });

  it('leaves direct unknown without a DEPENDENCIES section, and dev always unknown', () => {
    const { packages } = parser.parse(
      input('GEM\n  remote: https://rubygems.org/\n  specs:\n    ast (2.4.2)\n'),
    );
    expect(packages).toHaveLength(1);
    expect(packages[0]).not.toHaveProperty('direct');
    expect(packages[0]).not.toHaveProperty('dev');
  });

  it('accepts CRLF line endings and empty sections', () => {
    const crlf =
      'GEM\r\n  remote: https://rubygems.org/\r\n  specs:\r\n    ast (2.4.2)\r\n\r\nDEPENDENCIES\r\n  ast\r\n';
    expect(parser.parse(input(crlf)).packages.map((p) => [p.name, p.version, p.direct])).toEqual([
      ['ast', '2.4.2', true],
    ]);
    const empty = 'GEM\n  remote: https://rubygems.org/\n  specs:\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n';
    expect(parser.parse(input(empty))).toEqual({ packages: [], warnings: [] });
    const odd = 'DEPENDENCIES\n  (weird\n  !x\n  ok (>= 1)!\n';
    expect(parser.parse(input(odd))).toEqual({ packages: [], warnings: [] });
  });

  it('skips a gem without a version, and its dependency lines, with a warning', () => {
    const text =
      'GEM\n  remote: https://rubygems.org/\n  specs:\n    broken\n      rack (>= 1)\n    rack (2.2.3)\n';
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => [p.key, p.dependsOn])).toEqual([['rack@2.2.3', undefined]]);
    expect(warnings).toEqual([{ message: 'gem "broken" has no version in parentheses; skipped', line: 4 }]);
  });

  it('fails clearly on text that is not a Gemfile.lock, and refuses oversized text', () => {
    expect(() => parser.parse(input('this is not a lockfile\n  at all\n'))).toThrow(LockfileError);
    expect(() => parser.parse(input('{"json": true}'))).toThrow(/no Gemfile.lock section/);
    expect(() => parser.parse(input(' '.repeat(MAX_LOCKFILE_BYTES + 1)))).toThrow(/larger than/);
  });

  it('reads a truncated file up to where it stops, and stays linear on hostile indentation', () => {
    const truncated = LOCK.slice(0, LOCK.indexOf('racc (1.7.1)') + 6);
    expect(parser.parse(input(truncated)).packages.map((p) => p.name)).toContain('nokogiri');
    const hostile = `GEM\n  specs:\n${'    a (1)\n'.repeat(50_000)}${' '.repeat(100_000)}x\n`;
    const started = Date.now();
    expect(parser.parse(input(hostile)).packages).toHaveLength(50_000);
    expect(Date.now() - started).toBeLessThan(30_000); // hang guard, not a speed target
  });
});
