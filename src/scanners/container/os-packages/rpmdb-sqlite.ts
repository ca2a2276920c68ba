import Database from 'better-sqlite3';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { packageContext } from './distributions.js';
import { osPurl } from './os-purl.js';
import { addUnique, Problems, withinSizeLimit } from './problems.js';
import { parseRpmHeader, type RpmHeaderFields } from './rpm-header.js';
import { LEGACY_RPMDB_PATHS, legacyRpmdbDiagnostic } from './rpmdb-legacy.js';
import type { DbFile, OsPackage, OsPackageDb, PackageContext, ReaderResult } from './types.js';

/** rpm ≥ 4.16 (Fedora 33+, RHEL 9 and its rebuilds, Amazon Linux 2023); the sysimage path is Fedora's and SUSE's. */
export const RPMDB_SQLITE_PATHS = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite'] as const;
const WAL_SUFFIX = '-wal';

const RED_HAT: PackageContext = { ecosystem: 'Red Hat' };
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * A private copy of the database bytes that SQLite can open from memory. rpm leaves its database
 * in WAL mode (header bytes 18-19 = 2), and SQLite refuses to open a WAL database deserialised
 * into memory; the legacy journal mode (1) reads the same pages.
 */
function openable(content: Buffer): Buffer {
  const copy = Buffer.from(content);
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  return copy;
}

/** `openssl-3.0.7-27.el9.src.rpm` → `openssl`, `3.0.7-27.el9`; the source shares the binary's epoch. */
function sourceOf(fields: RpmHeaderFields, version: string, epochPrefix: string) {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(fields.sourceRpm ?? '');
  if (!m) return { sourceName: fields.name, sourceVersion: version };
  return { sourceName: m[1]!, sourceVersion: `${epochPrefix}${m[2]}-${m[3]}` };
}

function toPackage(fields: RpmHeaderFields, path: string, context: PackageContext): OsPackage | undefined {
  const epoch = fields.epoch !== undefined && fields.epoch > 0 ? String(fields.epoch) : undefined;
  const epochPrefix = epoch ? `${epoch}:` : '';
  const version = `${epochPrefix}${fields.version}-${fields.release}`;
  const arch = fields.arch ?? '';
  const purl = osPurl(context, fields.name, `${fields.version}-${fields.release}`, { arch, epoch });
  if (purl === undefined) return undefined;
  const pkg: OsPackage = {
    ecosystem: context.ecosystem,
    name: fields.name,
    version,
    resolved: true,
    purl,
    source: { path },
    key: `${fields.name}-${version}.${arch}`,
    arch,
    ...sourceOf(fields, version, epochPrefix),
    files: fields.files.map((f) => f.replace(/^\/+/, '')),
  };
  if (fields.license) pkg.licenses = [fields.license];
  if (fields.vendor) pkg.vendor = fields.vendor;
  return pkg;
}

interface Row {
  hnum: unknown;
  blob: unknown;
}

function readRow(row: Row, path: string, context: PackageContext, problems: Problems): OsPackage | undefined {
  const at = `package ${String(row.hnum)}`;
  if (!Buffer.isBuffer(row.blob)) return problems.corrupt(`${at}: the header is not a blob`);
  try {
    const fields = parseRpmHeader(row.blob);
    // The keys rpm imported for signature checks, stored as packages; nothing is installed.
    if (fields.name === 'gpg-pubkey') return undefined;
    return toPackage(fields, path, context) ?? problems.corrupt(`${at}: no package URL for ${fields.name}`);
  } catch (e) {
    // RpmHeaderError for what the checks catch; anything else is damage they missed, still one package's.
    return problems.corrupt(`${at}: damaged header (${(e as Error).message}); skipped`);
  }
}

/** Adds the packages to `byKey` row by row, so a database damaged halfway keeps the rows before. */
function readRows(file: DbFile, context: PackageContext, problems: Problems, byKey: Map<string, OsPackage>) {
  const db = new Database(openable(file.content), { readonly: true });
  try {
    const rows = db.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum').iterate() as Iterable<Row>;
    for (const row of rows) {
      const pkg = readRow(row, file.path, context, problems);
      if (pkg) addUnique(byKey, pkg, problems);
    }
  } finally {
    db.close();
  }
}

function readDatabase(
  file: DbFile,
  context: PackageContext,
  problems: Problems,
  byKey: Map<string, OsPackage>,
) {
  if (!withinSizeLimit(file.content, problems)) return;
  if (file.content.subarray(0, SQLITE_MAGIC.length).toString('latin1') !== SQLITE_MAGIC) {
    return problems.corrupt('not an SQLite database (empty, truncated or another format)');
  }
  try {
    readRows(file, context, problems, byKey);
  } catch (e) {
    problems.corrupt(`cannot read the SQLite rpmdb: ${(e as Error).message}`);
  }
}

/** The packages of an SQLite rpmdb; the database is opened in memory and nothing is written. */
export function readRpmdbSqlite(file: DbFile, context = RED_HAT): ReaderResult {
  const problems = new Problems(file.path);
  const byKey = new Map<string, OsPackage>();
  readDatabase(file, context, problems, byKey);
  return { packages: [...byKey.values()], diagnostics: problems.diagnostics() };
}

/** A write-ahead log rpm did not fold back holds its last transactions, which the database alone lacks. */
export function walDiagnostic(path: string, wal: Buffer | undefined): Diagnostic | undefined {
  if (!wal || wal.length === 0) return undefined;
  const message = `${path}${WAL_SUFFIX} holds ${wal.length} bytes not merged into the database: packages its transactions installed or removed are not seen`;
  return { level: 'warning', code: 'package-db-incomplete', path: `${path}${WAL_SUFFIX}`, message };
}

const WANTED = new Set<string>([
  ...RPMDB_SQLITE_PATHS,
  ...RPMDB_SQLITE_PATHS.map((p) => `${p}${WAL_SUFFIX}`),
  ...LEGACY_RPMDB_PATHS,
]);

export const rpmDatabase: OsPackageDb = {
  name: 'rpm',
  format: 'rpm',
  wants: (path) => WANTED.has(path),
  read(files, os) {
    // Fedora links one path to the other: the first present is the database, read once.
    const path = RPMDB_SQLITE_PATHS.find((p) => files.has(p));
    if (path) {
      const result = readRpmdbSqlite({ path, content: files.get(path)! }, packageContext(os, 'rpm'));
      const wal = walDiagnostic(path, files.get(`${path}${WAL_SUFFIX}`));
      return wal ? { ...result, diagnostics: [...result.diagnostics, wal] } : result;
    }
    const legacy = LEGACY_RPMDB_PATHS.filter((p) => files.has(p));
    if (legacy.length === 0) return undefined;
    const diagnostics = legacy.map((p) => legacyRpmdbDiagnostic({ path: p, content: files.get(p)! }));
    return { packages: [], diagnostics };
  },
};
