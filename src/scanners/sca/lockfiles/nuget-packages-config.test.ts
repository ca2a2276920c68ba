import { describe, expect, it } from 'vitest';
import { nugetPackagesConfigParser as parser } from './nuget-packages-config.js';
import { LockfileError, type LockfileInput } from './parser.js';

function input(text: string): LockfileInput {
  return { path: 'Web/packages.config', text, readFile: () => undefined };
}

const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Newtonsoft.Json" version="13.0.1" targetFramework="net472" />
  <package id="Microsoft.Net.Compilers" version="2.10.0" targetFramework="net472" developmentDependency="true" />
  <package id="jQuery" version="3.7.1" allowedVersions="[3,4)" />
</packages>
`;

describe('packages.config parser', () => {
  it('matches packages.config only', () => {
    expect(parser.matches('Web/packages.config')).toBe(true);
    expect(parser.matches('Web/web.config')).toBe(false);
  });

  it('reads id, exact version, development flag and target framework, with lines', () => {
    const { packages, warnings } = parser.parse(input(CONFIG));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.dev, p.groups, p.source.line])).toEqual([
      ['Newtonsoft.Json', '13.0.1', false, ['net472'], 3],
      ['Microsoft.Net.Compilers', '2.10.0', true, ['net472'], 4],
      ['jQuery', '3.7.1', false, undefined, 5],
    ]);
    expect(packages.every((p) => p.ecosystem === 'NuGet' && p.resolved && p.direct === undefined)).toBe(true);
    expect(packages[0]!.purl).toContain('13.0.1');
  });

  it('skips packages without an id or a version, with a warning naming the line', () => {
    const text =
      '<packages>\n<package version="1.0.0" />\n<package id="A" />\n<package id="B" version="2.0.0"/>\n</packages>';
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => p.name)).toEqual(['B']);
    expect(warnings.map((w) => w.line)).toEqual([2, 3]);
  });

  it('merges a package listed for several frameworks and accepts an empty file', () => {
    const text =
      '<packages><package id="A" version="1.0" targetFramework="net46"/><package id="a" version="1.0" targetFramework="net48"/></packages>';
    expect(parser.parse(input(text)).packages.map((p) => [p.key, p.groups])).toEqual([
      ['a@1.0', ['net46', 'net48']],
    ]);
    expect(parser.parse(input('<packages />')).packages).toEqual([]);
  });

  it('fails clearly on input that is not XML, not a packages.config, truncated or too large', () => {
    expect(() => parser.parse(input('not\nxml'))).toThrow(LockfileError);
    expect(() => parser.parse(input('<project/>'))).toThrow(/root element is not <packages>/);
    expect(() => parser.parse(input(CONFIG.slice(0, 120)))).toThrow(/not well-formed/);
    expect(() => parser.parse(input(`<packages>${' '.repeat(9 * 1024 * 1024)}x</packages>`))).toThrow(
      /larger than/,
    );
  });

  it('refuses DOCTYPE entity bombs and external entities', () => {
    const lol = '<!DOCTYPE packages [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    expect(() => parser.parse(input(`${lol}<packages><package id="&b;" version="1"/></packages>`))).toThrow(
      /DOCTYPE/,
    );
    const xxe =
      '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><packages><package id="&x;" version="1"/></packages>';
    expect(() => parser.parse(input(xxe))).toThrow(/DOCTYPE/);
  });
});
