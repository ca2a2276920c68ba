import { describe, expect, it } from 'vitest';
import { normalizeName, splitEcosystem } from './names.js';

describe('normalizeName', () => {
  it.each([
    ['PyPI', 'Django', 'django'],
    ['PyPI', 'zope.interface', 'zope-interface'],
    ['PyPI', 'Foo__Bar--baz..qux', 'foo-bar-baz-qux'],
    ['PyPI', ' requests ', 'requests'],
    ['crates.io', 'Serde_JSON', 'serde-json'],
    ['Go', 'github.com/Azure/go-autorest/', 'github.com/Azure/go-autorest'],
    ['npm', 'JSONStream', 'JSONStream'],
    ['npm', '@Babel/core', '@Babel/core'],
    ['Maven', 'org.apache.logging.log4j:log4j-core', 'org.apache.logging.log4j:log4j-core'],
    ['NuGet', 'Newtonsoft.Json', 'newtonsoft.json'],
    ['Packagist', 'Symfony/HTTP-Kernel', 'symfony/http-kernel'],
    ['RubyGems', 'Rails', 'Rails'],
    ['Alpine:v3.18', 'OpenSSL', 'openssl'],
    ['Debian:12', 'libssl3', 'libssl3'],
    ['Red Hat', 'OpenSSL-libs', 'OpenSSL-libs'],
  ])('%s %j → %j', (ecosystem, name, key) => {
    expect(normalizeName(ecosystem, name)).toBe(key);
  });
});

describe('splitEcosystem', () => {
  it.each([
    ['npm', { base: 'npm', release: '' }],
    ['Alpine:v3.18', { base: 'Alpine', release: 'v3.18' }],
    ['Debian:12', { base: 'Debian', release: '12' }],
    ['Ubuntu:22.04:LTS', { base: 'Ubuntu', release: '22.04:LTS' }],
  ])('%s', (ecosystem, parts) => {
    expect(splitEcosystem(ecosystem)).toEqual(parts);
  });
});
