import type { Diagnostic } from '../../../core/diagnostic.js';
import { APK_INSTALLED, apkDatabase } from './apk-installed.js';
import { DPKG_STATUS, dpkgDatabase } from './dpkg-status.js';
import { detectOs, OS_RELEASE_PATHS, RELEASE_FILE_PATHS } from './os-release.js';
import { LEGACY_RPMDB_PATHS } from './rpmdb-legacy.js';
import { RPMDB_SQLITE_PATHS, rpmDatabase } from './rpmdb-sqlite.js';
import type { DetectedOs, ImageFiles, OsInfo, OsPackage, OsPackageDb, PathOptions } from './types.js';

export { readApkInstalled } from './apk-installed.js';
export { packageContext } from './distributions.js';
export { attachDpkgFileLists, readDistrolessStatus, readDpkgStatus } from './dpkg-status.js';
export { fileOwners } from './file-owners.js';
export { detectOs, parseOsRelease } from './os-release.js';
export { parseRpmHeader, RpmHeaderError } from './rpm-header.js';
export { readRpmdbSqlite } from './rpmdb-sqlite.js';
export type * from './types.js';

/** Every OS package database Gatehouse reads, in the order their packages are listed. */
export const OS_PACKAGE_DATABASES: readonly OsPackageDb[] = [dpkgDatabase, apkDatabase, rpmDatabase];

/**
 * The fixed paths (relative to the image root) OS detection and the databases read. Distroless
 * `var/lib/dpkg/status.d/*` and dpkg's file lists have no fixed names: `isOsPackagePath` is the
 * complete test.
 */
export const OS_PACKAGE_PATHS: readonly string[] = [
  ...OS_RELEASE_PATHS,
  ...RELEASE_FILE_PATHS,
  DPKG_STATUS,
  APK_INSTALLED,
  ...RPMDB_SQLITE_PATHS,
  ...RPMDB_SQLITE_PATHS.map((p) => `${p}-wal`),
  ...LEGACY_RPMDB_PATHS,
];
const DETECTION_PATHS = new Set<string>([...OS_RELEASE_PATHS, ...RELEASE_FILE_PATHS]);

/** `/etc/os-release`, `./etc/os-release` → `etc/os-release`: image readers differ in how they write paths. */
function normalizePath(path: string): string {
  return path.replace(/^(?:\.?\/)+/, '');
}

/** Whether the image reader should hand this file to `readOsPackages`. */
export function isOsPackagePath(path: string, options?: PathOptions): boolean {
  const p = normalizePath(path);
  return DETECTION_PATHS.has(p) || OS_PACKAGE_DATABASES.some((db) => db.wants(p, options));
}

export interface OsPackagesResult {
  os: DetectedOs;
  packages: OsPackage[];
  diagnostics: Diagnostic[];
}

function normalized(files: ImageFiles): ImageFiles {
  return new Map([...files].map(([path, content]) => [normalizePath(path), content]));
}

/** What a user should know about the OS itself: no database for it, no advisories, no release. */
function osDiagnostics(os: OsInfo, readFormats: Set<string>, packageCount: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const path = os.path;
  if (os.family && !readFormats.has(os.family)) {
    const db = OS_PACKAGE_DATABASES.find((d) => d.format === os.family)!.name;
    const message = `${os.prettyName} image without a ${db} database: its OS packages cannot be listed`;
    out.push({ level: 'warning', code: 'package-db-missing', path, message });
  }
  if (packageCount > 0 && os.ecosystem === undefined) {
    const message = `${os.prettyName} (${os.id}): no OSV advisories for this distribution; its packages are listed, not matched`;
    out.push({ level: 'info', code: 'os-without-advisories', path, message });
  }
  if (os.ecosystem && os.release === undefined) {
    const message = `${os.prettyName}: no ${os.ecosystem} release to match advisories with (${os.releaseNote ?? 'unknown'})`;
    out.push({ level: 'warning', code: 'os-release-unknown', path, message });
  }
  return out;
}

/**
 * Detects the OS of an image and reads every package database it has. `files` holds the
 * files `isOsPackagePath` chose, by path relative to the image root. An image without any
 * (scratch, a lone static binary) gives an unknown OS, no packages and no diagnostics.
 */
export function readOsPackages(imageFiles: ImageFiles): OsPackagesResult {
  const files = normalized(imageFiles);
  const os = detectOs(files);
  let packages: OsPackage[] = [];
  let diagnostics: Diagnostic[] = [];
  const readFormats = new Set<string>();
  for (const db of OS_PACKAGE_DATABASES) {
    const result = db.read(files, os);
    if (!result) continue;
    readFormats.add(db.format);
    // concat, not push(...): a database can hold more packages than a call has arguments.
    packages = packages.concat(result.packages);
    diagnostics = diagnostics.concat(result.diagnostics);
  }
  if (os.known) diagnostics.push(...osDiagnostics(os, readFormats, packages.length));
  return { os, packages, diagnostics };
}
