import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOwners, isOsPackagePath, OS_PACKAGE_PATHS, readOsPackages } from './index.js';
import { FIXTURES, fixtureFiles } from './test-fixtures.js';

function files(entries: Record<string, string | Buffer>): Map<string, Buffer> {
  return new Map(Object.entries(entries).map(([path, v]) => [path, Buffer.isBuffer(v) ? v : Buffer.from(v)]));
}

const STATUS = 'Package: a\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\n\n';

describe('readOsPackages on fixture images', () => {
  it('reads a Debian 12 image: OS, packages with their files, no diagnostics', () => {
    const result = readOsPackages(fixtureFiles('debian-12'));
    expect(result.os).toMatchObject({ id: 'debian', ecosystem: 'Debian', release: '12' });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toHaveLength(35);
    expect(result.packages.find((p) => p.name === 'bash')?.files).toContain('bin/bash');
  });

  it('reads an Alpine 3.20 image', () => {
    const result = readOsPackages(fixtureFiles('alpine-3.20'));
    expect(result.os).toMatchObject({ id: 'alpine', ecosystem: 'Alpine', release: 'v3.20' });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toHaveLength(26);
  });

  it('reads a Rocky Linux 9 image', () => {
    const result = readOsPackages(
      files({
        'etc/os-release': 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\n',
        'var/lib/rpm/rpmdb.sqlite': readFileSync(join(FIXTURES, 'rpm/rpmdb.sqlite')),
      }),
    );
    expect(result.os).toMatchObject({ ecosystem: 'Rocky Linux', release: '9' });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages.map((p) => p.ecosystem)).toEqual(Array(5).fill('Rocky Linux'));
  });

  it('reads a distroless image', () => {
    const result = readOsPackages(
      files({
        'usr/lib/os-release':
          'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\n',
        'var/lib/dpkg/status.d/tzdata': 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n',
        'var/lib/dpkg/status.d/tzdata.md5sums': '0123  usr/share/zoneinfo/UTC\n',
      }),
    );
    expect(result.os).toMatchObject({ distroless: true, release: '12' });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toEqual([
      expect.objectContaining({
        name: 'tzdata',
        purl: 'pkg:deb/debian/tzdata@2024a-0+deb12u1?arch=all&distro=debian-12',
        files: ['usr/share/zoneinfo/UTC'],
      }),
    ]);
  });
});

describe('readOsPackages on images without an OS or without its database', () => {
  it('is quiet about a scratch image or a lone Go binary', () => {
    for (const image of [new Map<string, Buffer>(), files({ 'app/server': '\u007fELF' })]) {
      expect(readOsPackages(image)).toEqual({ os: { known: false }, packages: [], diagnostics: [] });
    }
  });

  it('warns when the OS is known but its package database is missing', () => {
    const result = readOsPackages(
      files({ 'etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\nVERSION_ID=12\n' }),
    );
    expect(result.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'package-db-missing',
        path: 'etc/os-release',
        message: 'Debian GNU/Linux 12 image without a dpkg database: its OS packages cannot be listed',
      },
    ]);
  });

  it('says when a distribution has no advisories, or no release to match them with', () => {
    const fedora = readOsPackages(
      files({
        'etc/os-release': 'ID=fedora\nVERSION_ID=40\n',
        'var/lib/rpm/rpmdb.sqlite': readFileSync(join(FIXTURES, 'rpm/rpmdb.sqlite')),
      }),
    );
    expect(fedora.diagnostics.map((d) => [d.level, d.code])).toEqual([['info', 'os-without-advisories']]);
    const testing = readOsPackages(
      files({ 'etc/os-release': 'ID=debian\nVERSION_CODENAME=trixie\n', 'var/lib/dpkg/status': STATUS }),
    );
    expect(testing.diagnostics).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'os-release-unknown',
        message: expect.stringMatching(/testing or unstable/),
      }),
    ]);
  });

  it('reads a package database without an OS, in the format’s reference ecosystem', () => {
    const result = readOsPackages(files({ 'var/lib/dpkg/status': STATUS }));
    expect(result.diagnostics).toEqual([]);
    expect(result.packages[0]).toMatchObject({
      ecosystem: 'Debian',
      purl: 'pkg:deb/debian/a@1.0-1?arch=amd64',
    });
  });

  it('accepts paths written with a leading slash or ./', () => {
    const result = readOsPackages(
      files({ '/etc/os-release': 'ID=debian\nVERSION_ID=12\n', './var/lib/dpkg/status': STATUS }),
    );
    expect(result.os).toMatchObject({ id: 'debian' });
    expect(result.packages).toHaveLength(1);
  });
});

describe('isOsPackagePath', () => {
  it('accepts every fixed path, status.d files, and dpkg file lists when asked', () => {
    for (const path of OS_PACKAGE_PATHS) expect(isOsPackagePath(path)).toBe(true);
    expect(isOsPackagePath('/etc/os-release')).toBe(true);
    expect(isOsPackagePath('var/lib/dpkg/status.d/libc6')).toBe(true);
    expect(isOsPackagePath('var/lib/dpkg/info/bash.list')).toBe(false);
    expect(isOsPackagePath('var/lib/dpkg/info/bash.list', { fileLists: true })).toBe(true);
  });

  it('refuses everything else', () => {
    for (const path of ['etc/passwd', 'usr/bin/bash', 'var/lib/dpkg/status-old', 'home/etc/os-release']) {
      expect(isOsPackagePath(path)).toBe(false);
    }
  });
});

describe('fileOwners', () => {
  const { packages } = readOsPackages(fixtureFiles('debian-12'));
  const owners = fileOwners(packages);

  it('maps each recorded path to the packages that installed it', () => {
    expect(owners.get('bin/bash')?.map((p) => p.name)).toEqual(['bash']);
    expect(
      owners
        .get('usr/share/doc')
        ?.map((p) => p.name)
        .sort(),
    ).toEqual(['bash', 'zlib1g']);
    expect(owners.get('usr/local/bin/app')).toBeUndefined();
  });
});
