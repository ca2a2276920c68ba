import { describe, expect, it } from 'vitest';
import { packageFromPurl } from './purl-package.js';

describe('packageFromPurl', () => {
  it.each([
    ['pkg:npm/lodash@4.17.21', 'npm', 'lodash', '4.17.21'],
    ['pkg:npm/%40babel/core@7.24.0', 'npm', '@babel/core', '7.24.0'],
    ['pkg:pypi/Django_REST@3.1', 'PyPI', 'django-rest', '3.1'],
    ['pkg:golang/github.com/gin-gonic/gin@v1.9.1', 'Go', 'github.com/gin-gonic/gin', 'v1.9.1'],
    ['pkg:cargo/serde@1.0.197', 'crates.io', 'serde', '1.0.197'],
    ['pkg:gem/rails@7.1.0', 'RubyGems', 'rails', '7.1.0'],
    ['pkg:composer/symfony/console@6.4.0', 'Packagist', 'symfony/console', '6.4.0'],
    [
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar',
      'Maven',
      'org.apache.logging.log4j:log4j-core',
      '2.14.1',
    ],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', 'NuGet', 'Newtonsoft.Json', '13.0.1'],
    ['pkg:hex/phoenix@1.7.10', 'Hex', 'phoenix', '1.7.10'],
    ['pkg:pub/http@1.2.0', 'Pub', 'http', '1.2.0'],
    [
      'pkg:deb/debian/curl@7.88.1-10+deb12u5?arch=amd64&distro=debian-12',
      'Debian',
      'curl',
      '7.88.1-10+deb12u5',
    ],
    [
      'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15?distro=ubuntu-22.04',
      'Ubuntu',
      'openssl',
      '3.0.2-0ubuntu1.15',
    ],
    ['pkg:deb/curl@1:7.88.1-10?distro=ubuntu-22.04', 'Ubuntu', 'curl', '1:7.88.1-10'],
    ['pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.18', 'Alpine', 'musl', '1.2.4-r2'],
    ['pkg:rpm/redhat/openssl@1.1.1k-7.el8?arch=x86_64&epoch=1', 'Red Hat', 'openssl', '1:1.1.1k-7.el8'],
    ['pkg:rpm/rocky/bash@4.4.20-4.el8?epoch=0', 'Rocky Linux', 'bash', '4.4.20-4.el8'],
    ['pkg:rpm/almalinux/zlib@1.2.11-40.el9', 'AlmaLinux', 'zlib', '1.2.11-40.el9'],
    ['pkg:rpm/amzn/glibc@2.26-64.amzn2?distro=amzn-2', 'Amazon Linux', 'glibc', '2.26-64.amzn2'],
    ['pkg:npm/left-pad', 'npm', 'left-pad', ''],
  ])('%s → %s %s %s', (purl, ecosystem, name, version) => {
    expect(packageFromPurl(purl)).toMatchObject({ ecosystem, name, version });
  });

  it('returns the purl in canonical form', () => {
    expect(packageFromPurl('pkg:NPM/%40Babel/Core@7.24.0')).toMatchObject({
      purl: 'pkg:npm/%40babel/core@7.24.0',
    });
  });

  it.each([
    ['pkg:generic/openssl@3.0', /purl type "generic" has no vulnerability database/],
    ['pkg:rpm/fedora/curl@8.0', /rpm distribution "fedora" has no vulnerability database/],
    ['pkg:apk/wolfi/curl@8.0', /apk distribution "wolfi"/],
    ['pkg:constructor/x@1', /purl type "constructor" has no vulnerability database/],
    ['pkg:deb/constructor/x@1', /deb distribution "constructor"/],
    ['pkg:rpm/__proto__/x@1', /rpm distribution "__proto__"/],
    ['pkg:apk/x@1?distro=constructor-1', /apk distribution "constructor-1"/],
    ['pkg:maven/no-group@1.0', /invalid purl/],
    ['not a purl', /invalid purl/],
    ['pkg:', /invalid purl/],
  ])('skips %s', (purl, reason) => {
    const result = packageFromPurl(purl);
    expect('skipped' in result && result.skipped).toMatch(reason);
  });
});
