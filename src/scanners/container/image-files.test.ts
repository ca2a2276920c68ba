import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildImage, type ImageSpec, tempDir } from './image/testing/build-image.js';
import { parseRpmHeader } from './os-packages/index.js';
import { readImageInventory } from './read-image.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const RPMDB = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'container',
  'os-packages',
  'rpm',
  'rpmdb.sqlite',
);
const ROCKY = 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\n';

/** The real rpmdb of the fixture without one package: what the base layer had before `dnf install`. */
function rpmdbWithout(name: string): Buffer {
  const copy = join(tmp.dir, `rpmdb-without-${name}.sqlite`);
  copyFileSync(RPMDB, copy);
  const db = new Database(copy);
  // rpm's index tables point at Packages; the reader reads Packages alone.
  db.pragma('foreign_keys = OFF');
  const rows = db.prepare('SELECT hnum, blob FROM Packages').all() as { hnum: number; blob: Buffer }[];
  const victim = rows.find((r) => {
    try {
      return parseRpmHeader(Buffer.from(r.blob)).name === name;
    } catch {
      return false;
    }
  });
  db.prepare('DELETE FROM Packages WHERE hnum = ?').run(victim!.hnum);
  db.pragma('journal_mode = DELETE');
  db.close();
  return readFileSync(copy);
}

async function layersOf(spec: ImageSpec): Promise<Map<string, number | undefined>> {
  const { path } = await buildImage(spec, 'oci-tar', tmp.dir);
  const inv = await readImageInventory(path);
  return new Map(inv.osPackages.map((p) => [p.name, inv.watcher.osPackageLayer(p, inv.filesystem.fs)]));
}

describe('the layer that installed each OS package', () => {
  it('rpm: a package added by a later layer points there, the others at the base', async () => {
    const layers = await layersOf({
      layers: [
        { files: { 'etc/os-release': ROCKY, 'var/lib/rpm/rpmdb.sqlite': rpmdbWithout('hello') } },
        { files: { 'var/lib/rpm/rpmdb.sqlite': readFileSync(RPMDB) }, createdBy: 'RUN dnf install -y hello' },
      ],
    });
    expect(layers.get('hello')).toBe(1);
    expect(layers.get('tzdata')).toBe(0);
    expect(layers.get('openssl-libs')).toBe(0);
  });

  it('dpkg: an upgraded package points at the layer of the new version', async () => {
    const stanza = (name: string, version: string) =>
      `Package: ${name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${version}\n`;
    const layers = await layersOf({
      layers: [
        {
          files: {
            'etc/os-release': 'ID=debian\nVERSION_ID="12"\n',
            'var/lib/dpkg/status': `${stanza('libc6', '2.36-9')}\n${stanza('zlib1g', '1:1.2.13.dfsg-1')}`,
          },
        },
        {
          files: {
            'var/lib/dpkg/status': `${stanza('libc6', '2.36-9+deb12u4')}\n${stanza('zlib1g', '1:1.2.13.dfsg-1')}`,
          },
        },
      ],
    });
    expect(layers.get('libc6')).toBe(1);
    expect(layers.get('zlib1g')).toBe(0);
  });
});
