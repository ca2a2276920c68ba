import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseRpmHeader, RpmHeaderError } from './rpm-header.js';
import { buildHeader, FIXTURES, packageEntries } from './test-fixtures.js';

/** The header blobs of the fixture rpmdb, as rpm 4.18 wrote them. */
function fixtureBlobs(): Buffer[] {
  const content = Buffer.from(readFileSync(join(FIXTURES, 'rpm/rpmdb.sqlite')));
  content[18] = 1;
  content[19] = 1;
  const db = new Database(content, { readonly: true });
  try {
    return (db.prepare('SELECT blob FROM Packages ORDER BY hnum').all() as { blob: Buffer }[]).map(
      (r) => r.blob,
    );
  } finally {
    db.close();
  }
}

function expectDamaged(blob: Buffer, message: RegExp): void {
  expect(() => parseRpmHeader(blob)).toThrow(RpmHeaderError);
  expect(() => parseRpmHeader(blob)).toThrow(message);
}

describe('parseRpmHeader on headers rpm wrote', () => {
  const blobs = fixtureBlobs();

  it('reads name, version, release, epoch, arch, license, source rpm, vendor and files', () => {
    const libs = blobs.map(parseRpmHeader).find((h) => h.name === 'openssl-libs');
    expect(libs).toEqual({
      name: 'openssl-libs',
      version: '3.0.7',
      release: '27.el9',
      epoch: 1,
      arch: 'x86_64',
      license: 'Apache-2.0',
      sourceRpm: 'openssl-3.0.7-27.el9.src.rpm',
      vendor: 'Gatehouse fixtures',
      files: ['/usr/lib/openssl-libs.txt'],
    });
  });

  it('reads the same header behind the magic and reserved bytes of a package file', () => {
    const magic = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
    expect(parseRpmHeader(Buffer.concat([magic, blobs[1]!]))).toEqual(parseRpmHeader(blobs[1]!));
  });

  it('survives every truncation and byte flip of a real header with RpmHeaderError or a result', () => {
    const blob = blobs[1]!;
    for (let cut = 0; cut < blob.length; cut += 7) {
      expect(() => parseRpmHeader(blob.subarray(0, cut))).toThrow(RpmHeaderError);
    }
    for (let i = 0; i < blob.length; i++) {
      const flipped = Buffer.from(blob);
      flipped[i] = flipped[i]! ^ 0xff;
      try {
        parseRpmHeader(flipped);
      } catch (e) {
        expect(e).toBeInstanceOf(RpmHeaderError);
      }
    }
  });
});

describe('parseRpmHeader on hand-built headers', () => {
  it('joins directory names and base names through the directory indexes', () => {
    const blob = buildHeader(
      packageEntries('a', [
        { tag: 1116, value: [0, 1, 0] },
        { tag: 1117, value: ['a', 'b', 'c'] },
        { tag: 1118, value: ['/usr/bin/', '/etc/'] },
      ]),
    );
    expect(parseRpmHeader(blob).files).toEqual(['/usr/bin/a', '/etc/b', '/usr/bin/c']);
  });

  it('takes the first string of an I18NSTRING', () => {
    const blob = buildHeader(packageEntries('a', [{ tag: 1014, value: ['MIT', 'MIT (fr)'], type: 9 }]));
    expect(parseRpmHeader(blob).license).toBe('MIT');
  });
});

describe('parseRpmHeader on hostile headers', () => {
  const good = buildHeader(packageEntries('a'));

  function withIndex(field: 'il' | 'dl', value: number): Buffer {
    const blob = Buffer.from(good);
    blob.writeUInt32BE(value, field === 'il' ? 0 : 4);
    return blob;
  }

  function withEntry(entry: number, field: 'type' | 'offset' | 'count', value: number): Buffer {
    const blob = Buffer.from(good);
    const at = 8 + entry * 16 + { type: 4, offset: 8, count: 12 }[field];
    if (field === 'offset') blob.writeInt32BE(value, at);
    else blob.writeUInt32BE(value, at);
    return blob;
  }

  it.each([
    ['an empty blob', Buffer.alloc(0), /too short/],
    ['no entries', withIndex('il', 0), /index count 0/],
    ['more entries than rpm allows', withIndex('il', 0x10000), /index count 65536/],
    ['an index that overruns the blob', withIndex('il', 0xffff), /overrun/],
    ['a data length rpm refuses', withIndex('dl', 0xffffffff), /data length/],
    ['a data length past the blob', withIndex('dl', good.length), /overrun/],
    ['a negative offset', withEntry(0, 'offset', -16), /offset -16/],
    ['an offset past the data', withEntry(0, 'offset', 0x7fffffff), /outside the data/],
    ['a count of four billion', withEntry(0, 'count', 0xffffffff), /outside the data/],
    ['a count of zero', withEntry(0, 'count', 0), /outside the data/],
    ['a name that is an integer', withEntry(0, 'type', 4), /not a string/],
  ])('%s', (_name, blob, message) => {
    expectDamaged(blob, message);
  });

  it('refuses a string without its NUL', () => {
    const blob = buildHeader([...packageEntries('a').slice(1), { tag: 1000, value: 'name' }]);
    expectDamaged(blob.subarray(0, blob.length - 1), /overrun/);
    const unterminated = Buffer.from(blob);
    unterminated[unterminated.length - 1] = 0x41;
    expectDamaged(unterminated, /runs past the data/);
  });

  it('refuses a string array whose count exceeds its strings', () => {
    const blob = buildHeader(packageEntries('a', [{ tag: 1117, value: ['x', 'y'] }]));
    const entry = 4;
    blob.writeUInt32BE(3, 8 + entry * 16 + 12);
    expectDamaged(blob, /string 2 runs past the data/);
  });

  it('refuses integers that run past the data', () => {
    const blob = buildHeader([{ tag: 1003, value: [1] }, ...packageEntries('a')]);
    blob.writeUInt32BE(0x3fffffff, 8 + 12);
    expectDamaged(blob, /outside the data|run past the data/);
  });

  it('refuses file lists whose parts disagree', () => {
    const mismatched = packageEntries('a', [
      { tag: 1116, value: [0] },
      { tag: 1117, value: ['a', 'b'] },
      { tag: 1118, value: ['/'] },
    ]);
    expectDamaged(buildHeader(mismatched), /2 file names but 1 directory indexes/);
    const outOfRange = packageEntries('a', [
      { tag: 1116, value: [5] },
      { tag: 1117, value: ['a'] },
      { tag: 1118, value: ['/'] },
    ]);
    expectDamaged(buildHeader(outOfRange), /directory index 5 out of range/);
  });

  it('refuses a header without NAME, VERSION or RELEASE', () => {
    expectDamaged(buildHeader(packageEntries('a').slice(1)), /no NAME/);
    expectDamaged(buildHeader(packageEntries('')), /no NAME/);
  });

  it('answers random bytes with RpmHeaderError, quickly', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 2000; n++) {
      const blob = Buffer.alloc(random() % 512);
      for (let i = 0; i < blob.length; i++) blob[i] = random() % 256;
      if (blob.length >= 8) blob.writeUInt32BE(1 + (random() % 8), 0);
      if (blob.length >= 8) blob.writeUInt32BE(random() % 256, 4);
      try {
        parseRpmHeader(blob);
      } catch (e) {
        expect(e).toBeInstanceOf(RpmHeaderError);
      }
    }
  });
});
