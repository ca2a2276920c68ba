import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { detectOs } from './os-release.js';
import { readRpmdbSqlite, rpmDatabase } from './rpmdb-sqlite.js';
import { buildHeader, FIXTURES, packageEntries } from './test-fixtures.js';

const PATH = 'var/lib/rpm/rpmdb.sqlite';
const FIXTURE = readFileSync(join(FIXTURES, 'rpm/rpmdb.sqlite'));

function rocky(extra: Record<string, Buffer> = {}) {
  return new Map([
    ['etc/os-release', Buffer.from('ID="rocky"\nVERSION_ID="9.3"\n')],
    ...Object.entries(extra),
  ]);
}

/** An rpmdb written here: the Packages table of rpm's schema, holding the given blobs or values. */
function database(rows: unknown[]): Buffer {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
  for (const row of rows) insert.run(row);
  const bytes = db.serialize();
  db.close();
  return bytes;
}

describe('readRpmdbSqlite on a real rpmdb.sqlite (rpm 4.18, see make-rpmdb.sh)', () => {
  const files = rocky({ [PATH]: FIXTURE });
  const { packages, diagnostics } = rpmDatabase.read(files, detectOs(files))!;
  const byName = (name: string) => packages.filter((p) => p.name === name);

  it('lists what `rpm -qa` listed, without the gpg-pubkey pseudo-package', () => {
    const expected = readFileSync(join(FIXTURES, 'rpm/expected.txt'), 'utf8')
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('gpg-pubkey '))
      .map((line) => {
        const [name, epoch, vr, arch, srpm] = line.split(' ');
        return `${name} ${epoch === '(none)' ? '' : `${epoch}:`}${vr} ${arch} ${srpm}`;
      });
    const actual = packages.map((p) => {
      const srpm = `${p.sourceName}-${p.sourceVersion.replace(/^\d+:/, '')}.src.rpm`;
      return `${p.name} ${p.version} ${p.arch} ${srpm}`;
    });
    expect(diagnostics).toEqual([]);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('reads the epoch into the version and the purl qualifier, and the source rpm of another name', () => {
    expect(byName('openssl-libs')[0]).toMatchObject({
      ecosystem: 'Rocky Linux',
      version: '1:3.0.7-27.el9',
      resolved: true,
      sourceName: 'openssl',
      sourceVersion: '1:3.0.7-27.el9',
      arch: 'x86_64',
      licenses: ['Apache-2.0'],
      vendor: 'Gatehouse fixtures',
      key: 'openssl-libs-1:3.0.7-27.el9.x86_64',
      purl: 'pkg:rpm/rocky/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rocky-9.3&epoch=1',
      source: { path: PATH },
      files: ['usr/lib/openssl-libs.txt'],
    });
  });

  it('reads a noarch package and keeps two versions of one name', () => {
    expect(byName('tzdata')[0]).toMatchObject({
      arch: 'noarch',
      version: '2024a-1.fc40',
      files: ['usr/share/tzdata/README'],
    });
    expect(
      byName('kernel-core')
        .map((p) => p.version)
        .sort(),
    ).toEqual(['6.1.0-1.el9', '6.2.0-1.el9']);
  });

  it('leaves the caller’s bytes alone (the WAL flag is patched in a copy)', () => {
    expect(FIXTURE[18]).toBe(2);
  });
});

describe('readRpmdbSqlite on bad databases', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), /not an SQLite database/],
    ['binary garbage', Buffer.from('\u0000\u0001garbage'.repeat(500)), /not an SQLite database/],
    ['another SQLite database', database([]).subarray(0, 0), /not an SQLite database/],
  ])('%s gives a diagnostic and no packages', (_name, content, message) => {
    const { packages, diagnostics } = readRpmdbSqlite({ path: PATH, content });
    expect(packages).toEqual([]);
    expect(diagnostics).toEqual([
      { level: 'error', code: 'package-db-corrupt', path: PATH, message: expect.stringMatching(message) },
    ]);
  });

  it('reports an SQLite database without a Packages table', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE other (x)');
    const content = db.serialize();
    db.close();
    const { packages, diagnostics } = readRpmdbSqlite({ path: PATH, content });
    expect(packages).toEqual([]);
    expect(diagnostics[0]?.message).toMatch(/cannot read the SQLite rpmdb: no such table: Packages/);
  });

  it('reports a truncated rpmdb without throwing', () => {
    for (const size of [100, 4096, 8192, FIXTURE.length - 4096]) {
      const { diagnostics } = readRpmdbSqlite({ path: PATH, content: FIXTURE.subarray(0, size) });
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.every((d) => d.code === 'package-db-corrupt' && d.path === PATH)).toBe(true);
    }
  });

  it('skips a hostile header and a non-blob row, keeping the other packages', () => {
    const hostile = buildHeader(packageEntries('evil'));
    hostile.writeUInt32BE(0xffffffff, 20);
    const content = database([
      buildHeader(packageEntries('good')),
      hostile,
      'text',
      buildHeader(packageEntries('fine')),
    ]);
    const { packages, diagnostics } = readRpmdbSqlite({ path: PATH, content });
    expect(packages.map((p) => p.name)).toEqual(['good', 'fine']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^package 2: damaged header \(tag 1000: .*outside the data\); skipped$/),
      'package 3: the header is not a blob',
    ]);
  });

  it('keeps the first of two identical packages', () => {
    const blob = buildHeader(packageEntries('twice'));
    const { packages, diagnostics } = readRpmdbSqlite({ path: PATH, content: database([blob, blob]) });
    expect(packages).toHaveLength(1);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'package-db-duplicate', level: 'warning' }),
    ]);
  });

  it('names packages of a distribution without advisories in its own namespace', () => {
    const files = new Map([
      ['etc/os-release', Buffer.from('ID=fedora\nVERSION_ID=40\n')],
      [PATH, database([buildHeader(packageEntries('bash'))])],
    ]);
    const { packages } = rpmDatabase.read(files, detectOs(files))!;
    expect(packages[0]).toMatchObject({
      ecosystem: 'Red Hat',
      purl: 'pkg:rpm/fedora/bash@1.0-1.el9?arch=x86_64&distro=fedora-40',
    });
  });
});

describe('rpmDatabase', () => {
  const bdb = Buffer.alloc(4096);
  bdb.writeUInt32LE(0x00061561, 12);
  const ndb = Buffer.concat([Buffer.from('RpmP'), Buffer.alloc(60)]);

  it('wants the SQLite rpmdb, its write-ahead log and the older formats', () => {
    for (const path of [
      PATH,
      'usr/lib/sysimage/rpm/rpmdb.sqlite',
      `${PATH}-wal`,
      'var/lib/rpm/Packages',
      'usr/lib/sysimage/rpm/Packages.db',
    ]) {
      expect(rpmDatabase.wants(path)).toBe(true);
    }
    expect(rpmDatabase.wants('var/lib/rpm/Name')).toBe(false);
  });

  it('reports BerkeleyDB and NDB databases as unsupported, and an unknown file as corrupt', () => {
    const files = new Map([
      ['var/lib/rpm/Packages', bdb],
      ['usr/lib/sysimage/rpm/Packages.db', ndb],
      ['var/lib/rpm/Packages.db', Buffer.from('nonsense')],
    ]);
    const { packages, diagnostics } = rpmDatabase.read(files, { known: false })!;
    expect(packages).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([
      [
        'package-db-unsupported',
        'var/lib/rpm/Packages',
        expect.stringMatching(/BerkeleyDB hash rpm database/),
      ],
      [
        'package-db-corrupt',
        'var/lib/rpm/Packages.db',
        expect.stringMatching(/not a recognised rpm database/),
      ],
      [
        'package-db-unsupported',
        'usr/lib/sysimage/rpm/Packages.db',
        expect.stringMatching(/NDB rpm database/),
      ],
    ]);
    expect(diagnostics.every((d) => d.level === 'error')).toBe(true);
  });

  it('reads the SQLite database when an old Packages file is left beside it', () => {
    const result = rpmDatabase.read(
      new Map([
        [PATH, FIXTURE],
        ['var/lib/rpm/Packages', bdb],
      ]),
      { known: false },
    )!;
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toHaveLength(5);
  });

  it('reads the sysimage path and warns of a write-ahead log that was not merged', () => {
    const path = 'usr/lib/sysimage/rpm/rpmdb.sqlite';
    const result = rpmDatabase.read(
      new Map([
        [path, FIXTURE],
        [`${path}-wal`, Buffer.alloc(4152)],
      ]),
      { known: false },
    )!;
    expect(result.packages[0]?.source.path).toBe(path);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'package-db-incomplete', path: `${path}-wal` }),
    ]);
    expect(
      rpmDatabase.read(
        new Map([
          [path, FIXTURE],
          [`${path}-wal`, Buffer.alloc(0)],
        ]),
        { known: false },
      )!.diagnostics,
    ).toEqual([]);
  });

  it('reads nothing when the image has no rpm files', () => {
    expect(rpmDatabase.read(new Map(), { known: false })).toBeUndefined();
  });
});
