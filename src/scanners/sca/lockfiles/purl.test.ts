import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { ECOSYSTEMS } from '../../../core/package.js';
import { LockfileError } from './parser.js';
import { purlCoordinates, purlFor, purlType } from './purl.js';

describe('purlFor', () => {
  it.each([
    ['npm', '@babel/code-frame', '7.0.0', 'pkg:npm/%40babel/code-frame@7.0.0'],
    ['npm', 'JSONStream', '1.3.5', 'pkg:npm/jsonstream@1.3.5'],
    ['PyPI', 'Django_REST.framework', '3.0', 'pkg:pypi/django-rest.framework@3.0'],
    ['Go', 'github.com/gorilla/mux', '1.8.0', 'pkg:golang/github.com/gorilla/mux@v1.8.0'],
    [
      'Go',
      'golang.org/x/net',
      'v0.0.0-20200202094626-16171245cfb2',
      'pkg:golang/golang.org/x/net@v0.0.0-20200202094626-16171245cfb2',
    ],
    ['crates.io', 'serde', '1.0.0', 'pkg:cargo/serde@1.0.0'],
    ['RubyGems', 'rails', '7.0.4', 'pkg:gem/rails@7.0.4'],
    ['Packagist', 'symfony/console', 'v6.0.0', 'pkg:composer/symfony/console@v6.0.0'],
    [
      'Maven',
      'org.apache.logging.log4j:log4j-core',
      '2.14.1',
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    ],
    ['NuGet', 'Newtonsoft.Json', '13.0.1', 'pkg:nuget/Newtonsoft.Json@13.0.1'],
    ['Hex', 'Phoenix', '1.7.0', 'pkg:hex/phoenix@1.7.0'],
    ['Pub', 'flutter-x', '1.0.0', 'pkg:pub/flutter_x@1.0.0'],
    ['Debian', 'openssl', '1.1.1n-0+deb11u3', 'pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3'],
    ['Ubuntu', 'openssl', '3.0.2-0ubuntu1', 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1'],
    ['Alpine', 'musl', '1.2.3-r0', 'pkg:apk/alpine/musl@1.2.3-r0'],
    ['Red Hat', 'openssl', '1:1.1.1k-7.el8', 'pkg:rpm/redhat/openssl@1.1.1k-7.el8?epoch=1'],
    ['Rocky Linux', 'bash', '4.4.20-4.el8', 'pkg:rpm/rocky/bash@4.4.20-4.el8'],
    ['AlmaLinux', 'bash', '5.1-6.el9', 'pkg:rpm/almalinux/bash@5.1-6.el9'],
    ['Amazon Linux', 'bash', '4.2.46-34.amzn2', 'pkg:rpm/amazon/bash@4.2.46-34.amzn2'],
  ] as const)('%s %s %s', (ecosystem, name, version, want) => {
    expect(PackageURL.fromString(purlFor(ecosystem, name, version)).toString()).toBe(
      PackageURL.fromString(want).toString(),
    );
  });

  it('covers every ecosystem', () => {
    for (const e of ECOSYSTEMS) {
      const name = e === 'Maven' ? 'g:a' : e === 'Packagist' ? 'v/p' : 'pkg';
      expect(PackageURL.fromString(purlFor(e, name, '1.0.0')).type).toBe(purlType(e));
    }
  });

  it('leaves the version out for an unresolved package', () => {
    expect(purlFor('npm', 'left-pad', '')).toBe('pkg:npm/left-pad');
  });

  it('encodes characters that would break the purl', () => {
    const purl = purlFor('npm', 'a b#c?d@e', '1.0.0');
    expect(PackageURL.fromString(purl).name).toBe('a b#c?d@e');
  });

  it('keeps qualifiers', () => {
    expect(purlFor('Debian', 'curl', '7.74.0-1.3', { arch: 'amd64', distro: 'bullseye' })).toBe(
      'pkg:deb/debian/curl@7.74.0-1.3?arch=amd64&distro=bullseye',
    );
  });

  it('throws a LockfileError when no purl can be built', () => {
    expect(() => purlFor('npm', '', '1.0.0')).toThrow(LockfileError);
    expect(() => purlFor('Maven', 'no-group', '1.0.0')).toThrow(/Maven package "no-group"/);
  });
});

describe('purlCoordinates', () => {
  it('ignores qualifiers and compares type, namespace, name and version', () => {
    expect(purlCoordinates('pkg:npm/%40a/b@1.0.0?foo=bar')).toBe(purlCoordinates('pkg:npm/%40a/b@1.0.0'));
    expect(purlCoordinates('pkg:npm/%40a/b@1.0.0')).not.toBe(purlCoordinates('pkg:npm/%40a/b@1.0.1'));
  });
});
