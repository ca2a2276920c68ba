import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dpkgDatabase, readDistrolessStatus, readDpkgStatus } from './dpkg-status.js';
import { FIXTURES, fixtureFiles } from './test-fixtures.js';
import type { ReaderResult } from './types.js';

const PATH = 'var/lib/dpkg/status';

function read(text: string): ReaderResult {
  return readDpkgStatus({ path: PATH, content: Buffer.from(text) });
}

function stanza(name: string, status = 'install ok installed', extra = ''): string {
  return `Package: ${name}\nStatus: ${status}\nArchitecture: amd64\nVersion: 1.0-1\n${extra}\n`;
}

describe('readDpkgStatus on a trimmed status file of Debian 12', () => {
  const files = fixtureFiles('debian-12');
  const { packages, diagnostics } = readDpkgStatus(
    { path: PATH, content: files.get(PATH)! },
    { ecosystem: 'Debian', purlDistro: 'debian-12' },
    files,
  );
  const byName = new Map(packages.map((p) => [p.name, p]));

  it('lists every stanza without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(packages).toHaveLength(35);
  });

  it('reads a binNMU: the source version is the one in Source, not the binary version', () => {
    expect(byName.get('bash')).toMatchObject({
      ecosystem: 'Debian',
      name: 'bash',
      version: '5.2.15-2+b8',
      sourceName: 'bash',
      sourceVersion: '5.2.15-2',
      arch: 'amd64',
      key: 'bash:amd64',
      resolved: true,
      purl: 'pkg:deb/debian/bash@5.2.15-2+b8?arch=amd64&distro=debian-12',
      source: { path: PATH, line: expect.any(Number) },
    });
  });

  it('keeps the epoch in the version and reads the source of another name', () => {
    expect(byName.get('bsdutils')).toMatchObject({
      version: '1:2.38.1-5+deb12u3',
      sourceName: 'util-linux',
      sourceVersion: '2.38.1-5+deb12u3',
    });
    expect(byName.get('libc6')).toMatchObject({
      sourceName: 'glibc',
      sourceVersion: byName.get('libc6')!.version,
    });
  });

  it('uses the package itself as source when the stanza has no Source', () => {
    const dash = byName.get('dash')!;
    expect([dash.sourceName, dash.sourceVersion]).toEqual(['dash', dash.version]);
  });

  it('adds the files of info/NAME.list and info/NAME:ARCH.list', () => {
    expect(byName.get('bash')!.files).toContain('bin/bash');
    expect(byName.get('bash')!.files).not.toContain('.');
    expect(byName.get('zlib1g')!.files).toContain('lib/x86_64-linux-gnu/libz.so.1.2.13');
    expect(byName.get('dash')!.files).toBeUndefined();
  });
});

describe('readDpkgStatus: which stanzas are installed', () => {
  it.each([
    ['install ok installed', true],
    ['hold ok installed', true],
    ['deinstall ok installed', true],
    ['install reinstreq half-installed', true],
    ['install ok unpacked', true],
    ['install ok triggers-pending', true],
    ['deinstall ok config-files', false],
    ['purge ok not-installed', false],
  ])('%s → %s', (status, installed) => {
    const { packages, diagnostics } = read(stanza('foo', status));
    expect(packages.length).toBe(installed ? 1 : 0);
    expect(diagnostics).toEqual([]);
  });

  it('skips a stanza without a valid Status, with a warning', () => {
    const { packages, diagnostics } = read(`${stanza('a', 'installed')}\n${stanza('b')}`);
    expect(packages.map((p) => p.name)).toEqual(['b']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'package-db-corrupt',
        path: PATH,
        message: expect.stringMatching(/line 1: package a has no valid Status/),
      }),
    ]);
  });
});

describe('readDpkgStatus on damaged files', () => {
  it('skips a stanza without Version and goes on', () => {
    const text = `Package: a\nStatus: install ok installed\n\n${stanza('b')}`;
    const { packages, diagnostics } = read(text);
    expect(packages.map((p) => p.name)).toEqual(['b']);
    expect(diagnostics[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/package a has no valid Version/),
    });
  });

  it('keeps the first of two entries for one package and architecture', () => {
    const dup = stanza('a').replace('1.0-1', '2.0-1');
    const { packages, diagnostics } = read(`${stanza('a')}\n${dup}\n${stanza('a').replace('amd64', 'i386')}`);
    expect(packages.map((p) => `${p.key} ${p.version}`)).toEqual(['a:amd64 1.0-1', 'a:i386 1.0-1']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'package-db-duplicate', level: 'warning' }),
    ]);
  });

  it('gives the packages before a truncation and an error for the cut entry', () => {
    const full = `${stanza('a')}\n${stanza('b')}\n${stanza('c')}`;
    const { packages, diagnostics } = read(full.slice(0, full.lastIndexOf('Version') + 12));
    expect(packages.map((p) => p.name)).toEqual(['a', 'b']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'package-db-corrupt',
        message: expect.stringMatching(/truncated/),
      }),
    ]);
  });

  it('reads CRLF line endings and a byte-order mark', () => {
    const { packages, diagnostics } = read(
      `\ufeff${stanza('a')}\n${stanza('b', 'install ok installed', 'Source: bb (0.9)\n')}`.replace(
        /\n/g,
        '\r\n',
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion])).toEqual([
      ['a', '1.0-1', 'a', '1.0-1'],
      ['b', '1.0-1', 'bb', '0.9'],
    ]);
  });

  it('reports lines with NUL bytes and keeps the entries they do not break', () => {
    const text = `${stanza('a', 'install ok installed', 'Description: x\u0000y\n')}\n${stanza('b\u0000c')}\n${stanza('d')}`;
    const { packages, diagnostics } = read(text);
    expect(packages.map((p) => p.name)).toEqual(['a', 'd']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/line 5: not a "Field: value" line/),
      expect.stringMatching(/line 8: not a "Field: value" line/),
      expect.stringMatching(/line 8: entry without a valid Package field/),
    ]);
  });

  it('reads continuation lines of multi-line fields without taking them for fields', () => {
    const text = stanza(
      'a',
      'install ok installed',
      'Description: short\n long line: with a colon\n .\nConffiles:\n /etc/a 0123\n',
    );
    expect(read(text)).toEqual({ packages: [expect.objectContaining({ name: 'a' })], diagnostics: [] });
  });

  it('turns binary garbage into a bounded list of diagnostics and no packages', () => {
    const garbage = Buffer.alloc(200_000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const { packages, diagnostics } = readDpkgStatus({ path: PATH, content: garbage });
    expect(packages).toEqual([]);
    expect(diagnostics.length).toBeLessThanOrEqual(21);
    expect(diagnostics.at(-1)).toMatchObject({
      code: 'package-db-corrupt',
      message: expect.stringMatching(/more problems/),
    });
  });

  it('gives nothing for an empty file', () => {
    expect(read('')).toEqual({ packages: [], diagnostics: [] });
  });

  it('reads a 50 MB status file', () => {
    const block = readFileSync(join(FIXTURES, 'debian-12', PATH), 'utf8');
    const copies = Math.ceil((50 * 1024 * 1024) / block.length);
    const parts: string[] = [];
    for (let i = 0; i < copies; i++) parts.push(block.replace(/^Package: (.*)$/gm, `Package: $1-${i}`));
    const { packages, diagnostics } = read(parts.join(''));
    expect(diagnostics).toEqual([]);
    expect(packages).toHaveLength(35 * copies);
  });
});

describe('readDistrolessStatus', () => {
  const dir = 'var/lib/dpkg/status.d/';
  const libssl =
    'Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\nSource: openssl\nMulti-Arch: same\n';
  const tzdata = 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n';

  it('reads one stanza per file, without Status, and the files of its .md5sums', () => {
    const { packages, diagnostics } = readDistrolessStatus(
      [
        { path: `${dir}tzdata`, content: Buffer.from(tzdata) },
        { path: `${dir}libssl3`, content: Buffer.from(libssl) },
        {
          path: `${dir}libssl3.md5sums`,
          content: Buffer.from('0123abcd  usr/lib/x86_64-linux-gnu/libssl.so.3\n'),
        },
      ],
      { ecosystem: 'Debian', purlDistro: 'debian-12' },
    );
    expect(diagnostics).toEqual([]);
    expect(packages).toEqual([
      expect.objectContaining({
        name: 'libssl3',
        sourceName: 'openssl',
        sourceVersion: '3.0.11-1~deb12u2',
        source: { path: `${dir}libssl3`, line: 1 },
        files: ['usr/lib/x86_64-linux-gnu/libssl.so.3'],
        purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
      }),
      expect.objectContaining({ name: 'tzdata', arch: 'all' }),
    ]);
    expect(packages[1]!.files).toBeUndefined();
  });

  it('reports a stanza file that is not one, and a package listed in two files', () => {
    const { packages, diagnostics } = readDistrolessStatus([
      { path: `${dir}a`, content: Buffer.from(tzdata) },
      { path: `${dir}b`, content: Buffer.from(tzdata) },
      { path: `${dir}c`, content: Buffer.from([0, 1, 2, 3]) },
    ]);
    expect(packages).toHaveLength(1);
    expect(diagnostics.map((d) => [d.path, d.code])).toEqual([
      [`${dir}b`, 'package-db-duplicate'],
      [`${dir}c`, 'package-db-corrupt'],
      [`${dir}c`, 'package-db-corrupt'],
    ]);
  });
});

describe('dpkgDatabase', () => {
  it('wants the status file, status.d files, and the file lists only when asked', () => {
    expect(dpkgDatabase.wants(PATH)).toBe(true);
    expect(dpkgDatabase.wants('var/lib/dpkg/status.d/libc6')).toBe(true);
    expect(dpkgDatabase.wants('var/lib/dpkg/status.d/sub/x')).toBe(false);
    expect(dpkgDatabase.wants('var/lib/dpkg/info/bash.list')).toBe(false);
    expect(dpkgDatabase.wants('var/lib/dpkg/info/bash.list', { fileLists: true })).toBe(true);
    expect(dpkgDatabase.wants('var/lib/dpkg/info/bash.md5sums', { fileLists: true })).toBe(false);
  });

  it('names Ubuntu packages in the ubuntu namespace', () => {
    const files = new Map([[PATH, Buffer.from(stanza('a'))]]);
    const os = detectUbuntu();
    const result = dpkgDatabase.read(files, os)!;
    expect(result.packages[0]).toMatchObject({
      ecosystem: 'Ubuntu',
      purl: 'pkg:deb/ubuntu/a@1.0-1?arch=amd64&distro=ubuntu-22.04',
    });
  });

  it('reads nothing when the image has no dpkg files', () => {
    expect(dpkgDatabase.read(new Map(), { known: false })).toBeUndefined();
  });
});

function detectUbuntu() {
  return {
    known: true as const,
    id: 'ubuntu',
    idLike: ['debian'],
    versionId: '22.04',
    prettyName: 'Ubuntu 22.04',
    family: 'deb' as const,
    ecosystem: 'Ubuntu' as const,
    release: '22.04',
    distroless: false,
    path: 'etc/os-release',
    purlDistro: 'ubuntu-22.04',
  };
}

const LIVE = '/var/lib/dpkg/status';
const hasDpkg = existsSync(LIVE) && existsSync('/usr/bin/dpkg-query');

describe.skipIf(!hasDpkg)('readDpkgStatus on this machine', () => {
  it('agrees with dpkg-query on every package whose files are on disk', () => {
    const format =
      '${db:Status-Status}\\t${Package}:${Architecture}\\t${Version}\\t${source:Package}\\t${source:Version}\\n';
    const query = execFileSync('dpkg-query', ['-W', '-f', format], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const { packages, diagnostics } = readDpkgStatus({ path: PATH, content: readFileSync(LIVE) });
    const expected = query
      .split('\n')
      .filter((line) => line !== '' && !/^(not-installed|config-files)\t/.test(line))
      .map((line) => line.split('\t').slice(1).join(' '))
      .sort();
    const actual = packages
      .map((p) => `${p.name}:${p.arch} ${p.version} ${p.sourceName} ${p.sourceVersion}`)
      .sort();
    expect(diagnostics).toEqual([]);
    expect(actual).toEqual(expected);
  });
});
