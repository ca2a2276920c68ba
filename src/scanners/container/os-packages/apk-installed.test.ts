import { describe, expect, it } from 'vitest';
import { APK_INSTALLED, apkDatabase, readApkInstalled } from './apk-installed.js';
import { detectOs } from './os-release.js';
import { fixtureFiles } from './test-fixtures.js';
import type { ReaderResult } from './types.js';

function read(text: string): ReaderResult {
  return readApkInstalled({ path: APK_INSTALLED, content: Buffer.from(text) });
}

const RECORD = (name: string, version = '1.0-r0') =>
  `C:Q1abc=\nP:${name}\nV:${version}\nA:x86_64\no:${name}\n\n`;

describe('readApkInstalled on the installed database of an Alpine 3.20 image', () => {
  const files = fixtureFiles('alpine-3.20');
  const { packages, diagnostics } = apkDatabase.read(files, detectOs(files))!;
  const byName = new Map(packages.map((p) => [p.name, p]));

  it('lists its 26 packages without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(packages).toHaveLength(26);
  });

  it('names the origin as source package, with the license and the purl of the release', () => {
    expect(byName.get('libcrypto3')).toMatchObject({
      ecosystem: 'Alpine',
      name: 'libcrypto3',
      version: '3.3.1-r3',
      resolved: true,
      arch: 'x86_64',
      sourceName: 'openssl',
      sourceVersion: '3.3.1-r3',
      licenses: ['Apache-2.0'],
      key: 'libcrypto3',
      purl: 'pkg:apk/alpine/libcrypto3@3.3.1-r3?arch=x86_64&distro=3.20.2',
      source: { path: APK_INSTALLED, line: expect.any(Number) },
    });
    expect(byName.get('ca-certificates')!.licenses).toEqual(['MPL-2.0 AND MIT']);
  });

  it('lists the directories (F:) and files (R:) each package installed', () => {
    expect(byName.get('musl')!.files).toEqual([
      'lib',
      'lib/ld-musl-x86_64.so.1',
      'lib/libc.musl-x86_64.so.1',
    ]);
    expect(byName.get('libcrypto3')!.files).toContain('etc/ssl/openssl.cnf');
  });
});

describe('readApkInstalled on damaged files', () => {
  it('uses the package as its own origin when o: is missing', () => {
    const { packages } = read('P:foo\nV:2.0-r1\n\n');
    expect(packages[0]).toMatchObject({ sourceName: 'foo', sourceVersion: '2.0-r1', arch: '' });
    expect(packages[0]!.purl).toBe('pkg:apk/alpine/foo@2.0-r1');
  });

  it('skips a record without V: and one without P:, with warnings', () => {
    const { packages, diagnostics } = read(`P:a\nA:x86_64\n\nV:1.0-r0\n\n${RECORD('b')}`);
    expect(packages.map((p) => p.name)).toEqual(['b']);
    expect(diagnostics.map((d) => [d.level, d.message])).toEqual([
      ['warning', 'line 1: package a has no valid V:; skipped'],
      ['warning', 'line 4: record without a valid P: (name); skipped'],
    ]);
  });

  it('keeps the first of two records of one package', () => {
    const { packages, diagnostics } = read(`${RECORD('a')}${RECORD('a', '2.0-r0')}`);
    expect(packages.map((p) => p.version)).toEqual(['1.0-r0']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'package-db-duplicate', path: APK_INSTALLED }),
    ]);
  });

  it('gives the records before a truncation and an error for the cut one', () => {
    const text = `${RECORD('a')}${RECORD('b')}P:c\nV:1.`;
    const { packages, diagnostics } = read(text);
    expect(packages.map((p) => p.name)).toEqual(['a', 'b']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'package-db-corrupt',
        message: expect.stringMatching(/truncated/),
      }),
    ]);
  });

  it('reads CRLF line endings', () => {
    const { packages, diagnostics } = read(`${RECORD('a')}${RECORD('b')}`.replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(packages.map((p) => `${p.name} ${p.version} ${p.arch}`)).toEqual([
      'a 1.0-r0 x86_64',
      'b 1.0-r0 x86_64',
    ]);
  });

  it('reports NUL bytes and garbage lines, and reads the records around them', () => {
    const { packages, diagnostics } = read(`${RECORD('a')}P:b\u0000\nV:1\n\ngarbage\n\n${RECORD('c')}`);
    expect(packages.map((p) => p.name)).toEqual(['a', 'c']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'line 7: not an "X:value" line',
      'line 7: record without a valid P: (name); skipped',
      'line 10: not an "X:value" line',
    ]);
  });

  it('turns binary garbage into a bounded list of diagnostics and no packages', () => {
    const garbage = Buffer.alloc(100_000, 0xff);
    for (let i = 0; i < garbage.length; i += 37) garbage[i] = 10;
    const { packages, diagnostics } = readApkInstalled({ path: APK_INSTALLED, content: garbage });
    expect(packages).toEqual([]);
    expect(diagnostics.length).toBeLessThanOrEqual(21);
    expect(diagnostics.at(-1)?.message).toMatch(/more problems/);
  });

  it('gives nothing for an empty database (an image whose packages were all removed)', () => {
    expect(read('')).toEqual({ packages: [], diagnostics: [] });
  });
});

describe('apkDatabase', () => {
  it('wants only the installed database', () => {
    expect(apkDatabase.wants(APK_INSTALLED)).toBe(true);
    expect(apkDatabase.wants('lib/apk/db/triggers')).toBe(false);
  });

  it('names packages of a distribution without advisories in its own namespace', () => {
    const files = new Map([
      ['etc/os-release', Buffer.from('ID=wolfi\nVERSION_ID=20230201\n')],
      [APK_INSTALLED, Buffer.from(RECORD('glibc'))],
    ]);
    const { packages } = apkDatabase.read(files, detectOs(files))!;
    expect(packages[0]).toMatchObject({
      ecosystem: 'Alpine',
      purl: 'pkg:apk/wolfi/glibc@1.0-r0?arch=x86_64&distro=20230201',
    });
  });
});
