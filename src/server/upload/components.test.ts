import { describe, expect, it } from 'vitest';
import { toComponent, uniqueComponents } from './components.js';

describe('toComponent', () => {
  it('uses the vulnerability database names for the ecosystems it knows', () => {
    expect(
      toComponent({ name: 'log4j-core', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }),
    ).toEqual({
      ecosystem: 'Maven',
      name: 'org.apache.logging.log4j:log4j-core',
      version: '2.14.1',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    });
    expect(toComponent({ name: 'traverse', purl: 'pkg:npm/%40babel/traverse@7.22.5' })).toMatchObject({
      ecosystem: 'npm',
      name: '@babel/traverse',
    });
    expect(
      toComponent({ name: 'openssl', purl: 'pkg:deb/debian/openssl@3.0.11?distro=debian-12' }),
    ).toMatchObject({
      ecosystem: 'Debian',
      name: 'openssl',
    });
  });

  it('keeps other purl types as their type, with the namespace', () => {
    expect(toComponent({ name: 'x', purl: 'pkg:github/acme/tool@v1.2.0' })).toEqual({
      ecosystem: 'github',
      name: 'acme/tool',
      version: 'v1.2.0',
      purl: 'pkg:github/acme/tool@v1.2.0',
    });
  });

  it('falls back to the SBOM fields without a purl, or with one that does not parse', () => {
    expect(toComponent({ name: 'tomcat', group: 'com.acme', version: '9.0' })).toEqual({
      ecosystem: 'unknown',
      name: 'com.acme/tomcat',
      version: '9.0',
    });
    expect(toComponent({ name: 'y', version: '1', purl: 'not a purl' })).toEqual({
      ecosystem: 'unknown',
      name: 'y',
      version: '1',
      purl: 'not a purl',
    });
  });

  it('takes the version from the SBOM when the purl has none', () => {
    expect(toComponent({ name: 'lodash', version: '4.17.21', purl: 'pkg:npm/lodash' }).version).toBe(
      '4.17.21',
    );
  });

  it('normalises licenses and drops NOASSERTION', () => {
    expect(
      toComponent({ name: 'a', licenses: ['Apache License 2.0', 'NOASSERTION', 'MIT', 'MIT'] }).licenses,
    ).toEqual(['Apache-2.0', 'MIT']);
    expect(toComponent({ name: 'a', licenses: ['NONE'] }).licenses).toBeUndefined();
  });
});

describe('uniqueComponents', () => {
  it('keeps one entry per component', () => {
    const a = toComponent({ name: 'a', purl: 'pkg:npm/a@1.0.0' });
    expect(uniqueComponents([a, { ...a }, toComponent({ name: 'a', purl: 'pkg:npm/a@1.0.1' })])).toHaveLength(
      2,
    );
  });
});
