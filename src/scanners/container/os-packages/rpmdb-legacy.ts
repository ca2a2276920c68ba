import type { Diagnostic } from '../../../core/diagnostic.js';
import type { DbFile } from './types.js';

/**
 * The rpm databases before SQLite: BerkeleyDB `Packages` (RHEL/CentOS 7 and 8, Amazon
 * Linux 2, UBI 8) and NDB `Packages.db` (SUSE). Gatehouse does not read them yet; an image
 * using one must say so rather than look like an image without packages.
 */
export const LEGACY_RPMDB_PATHS = [
  'var/lib/rpm/Packages',
  'var/lib/rpm/Packages.db',
  'usr/lib/sysimage/rpm/Packages',
  'usr/lib/sysimage/rpm/Packages.db',
] as const;

/** Berkeley DB's metadata page holds its magic at byte 12, in the byte order of the machine that wrote it. */
const BDB_MAGICS = new Map([
  [0x00061561, 'BerkeleyDB hash'],
  [0x00053162, 'BerkeleyDB btree'],
]);
/** rpm's ndb backend starts its package file with `RpmP`. */
const NDB_MAGIC = 'RpmP';

function formatOf(content: Buffer): string | undefined {
  if (content.subarray(0, 4).toString('latin1') === NDB_MAGIC) return 'NDB';
  if (content.length < 16) return undefined;
  return BDB_MAGICS.get(content.readUInt32LE(12)) ?? BDB_MAGICS.get(content.readUInt32BE(12));
}

/** The diagnostic for a pre-SQLite rpmdb (or an unrecognisable file where one would be). */
export function legacyRpmdbDiagnostic(file: DbFile): Diagnostic {
  const format = formatOf(file.content);
  const what = format
    ? `a ${format} rpm database, which Gatehouse does not read yet (only rpmdb.sqlite)`
    : 'not a recognised rpm database';
  return {
    level: 'error',
    code: format ? 'package-db-unsupported' : 'package-db-corrupt',
    path: file.path,
    message: `${file.path} is ${what}: the image's RPM packages are not listed`,
  };
}
