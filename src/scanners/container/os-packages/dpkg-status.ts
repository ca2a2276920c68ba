import type { Diagnostic } from '../../../core/diagnostic.js';
import { parseStanzas, type Stanza } from './control-stanzas.js';
import { packageContext } from './distributions.js';
import { osPurl } from './os-purl.js';
import { addUnique, decodeText, forEachLine, isToken, Problems, withinSizeLimit } from './problems.js';
import type { DbFile, ImageFiles, OsPackage, OsPackageDb, PackageContext, ReaderResult } from './types.js';

export const DPKG_STATUS = 'var/lib/dpkg/status';
/** Distroless: one `dpkg-deb --field` stanza per package, and its `.md5sums` beside it. */
export const DPKG_STATUS_DIR = 'var/lib/dpkg/status.d/';
const DPKG_INFO_DIR = 'var/lib/dpkg/info/';
const MD5SUMS = '.md5sums';

const DEBIAN: PackageContext = { ecosystem: 'Debian' };

/** dpkg(1): in these states the package's files are not on disk (at most its conffiles). */
const NOT_ON_DISK = new Set(['not-installed', 'config-files']);

/** `Source: bash (5.2.15-2)` or `Source: util-linux`; the package itself when absent. */
function sourceOf(value: string | undefined, name: string, version: string) {
  const m = /^(\S+)(?:\s+\(([^()\s]+)\))?$/.exec(value ?? '');
  if (!m) return { sourceName: name, sourceVersion: version };
  return { sourceName: m[1]!, sourceVersion: m[2] ?? version };
}

/**
 * Whether the status stanza describes files on disk. `Status: want error status`: only the
 * third word counts (a package on hold, or selected for removal but still there, is installed).
 */
function onDisk(stanza: Stanza, name: string, problems: Problems): boolean {
  const words = (stanza.fields.get('status') ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 3) return !NOT_ON_DISK.has(words[2]!);
  problems.corrupt(`line ${stanza.line}: package ${name} has no valid Status; skipped`, 'warning');
  return false;
}

interface StanzaInput {
  stanza: Stanza;
  path: string;
  context: PackageContext;
  problems: Problems;
  /** The status file says whether a package is installed; a distroless stanza is by being there. */
  withStatus: boolean;
}

function toPackage({ stanza, path, context, problems, withStatus }: StanzaInput): OsPackage | undefined {
  const at = `line ${stanza.line}`;
  if (stanza.truncated)
    return problems.corrupt(`${at}: the file ends inside this entry (truncated?); skipped`);
  const name = stanza.fields.get('package') ?? '';
  if (!isToken(name))
    return problems.corrupt(`${at}: entry without a valid Package field; skipped`, 'warning');
  if (withStatus && !onDisk(stanza, name, problems)) return undefined;
  const version = stanza.fields.get('version') ?? '';
  if (!isToken(version))
    return problems.corrupt(`${at}: package ${name} has no valid Version; skipped`, 'warning');
  const arch = stanza.fields.get('architecture') ?? '';
  const purl = osPurl(context, name, version, { arch });
  if (purl === undefined) return problems.corrupt(`${at}: no package URL for ${name}; skipped`, 'warning');
  return {
    ecosystem: context.ecosystem,
    name,
    version,
    resolved: true,
    purl,
    source: { path, line: stanza.line },
    key: arch ? `${name}:${arch}` : name,
    arch,
    ...sourceOf(stanza.fields.get('source'), name, version),
  };
}

function readStanzas(
  file: DbFile,
  context: PackageContext,
  withStatus: boolean,
  byKey: Map<string, OsPackage>,
) {
  const problems = new Problems(file.path);
  if (withinSizeLimit(file.content, problems)) {
    let read = 0;
    parseStanzas(decodeText(file.content), problems, (stanza) => {
      const pkg = toPackage({ stanza, path: file.path, context, problems, withStatus });
      if (!pkg) return;
      read++;
      addUnique(byKey, pkg, problems);
    });
    if (read === 0 && problems.count > 0) problems.corrupt('no package could be read from this file');
  }
  return problems.diagnostics();
}

/** Paths of a file list (`/usr/bin/bash`, or md5sums' `hash  usr/bin/bash`), relative to the root. */
function listedPaths(content: Buffer, md5sums: boolean): string[] {
  const paths: string[] = [];
  forEachLine(decodeText(content), (line) => {
    const path = (md5sums ? line.replace(/^[0-9a-f]+ +/i, '') : line).replace(/^\/+/, '');
    if (path !== '' && path !== '.') paths.push(path);
  });
  return paths;
}

/**
 * Adds to each package the files dpkg recorded for it (`info/NAME:ARCH.list` for Multi-Arch:
 * same packages, `info/NAME.list` for the others), from whichever of them `files` holds.
 */
export function attachDpkgFileLists(packages: OsPackage[], files: ImageFiles): void {
  for (const pkg of packages) {
    const list =
      files.get(`${DPKG_INFO_DIR}${pkg.name}:${pkg.arch}.list`) ??
      files.get(`${DPKG_INFO_DIR}${pkg.name}.list`);
    if (list) pkg.files = listedPaths(list, false);
  }
}

/** The packages of a dpkg status file whose files are on disk; `fileLists` adds what each installed. */
export function readDpkgStatus(file: DbFile, context = DEBIAN, fileLists?: ImageFiles): ReaderResult {
  const byKey = new Map<string, OsPackage>();
  const diagnostics = readStanzas(file, context, true, byKey);
  const packages = [...byKey.values()];
  if (fileLists) attachDpkgFileLists(packages, fileLists);
  return { packages, diagnostics };
}

/** Distroless `status.d`: every stanza file is one installed package; its `.md5sums` lists its files. */
export function readDistrolessStatus(files: DbFile[], context = DEBIAN): ReaderResult {
  const byKey = new Map<string, OsPackage>();
  const diagnostics: Diagnostic[] = [];
  const md5sums = new Map(files.filter((f) => f.path.endsWith(MD5SUMS)).map((f) => [f.path, f.content]));
  const stanzaFiles = files
    .filter((f) => !f.path.endsWith(MD5SUMS))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const file of stanzaFiles) diagnostics.push(...readStanzas(file, context, false, byKey));
  const packages = [...byKey.values()];
  for (const pkg of packages) {
    const list = md5sums.get(`${pkg.source.path}${MD5SUMS}`);
    if (list) pkg.files = listedPaths(list, true);
  }
  return { packages, diagnostics };
}

function isStatusDirFile(path: string): boolean {
  return path.startsWith(DPKG_STATUS_DIR) && !path.slice(DPKG_STATUS_DIR.length).includes('/');
}

export const dpkgDatabase: OsPackageDb = {
  name: 'dpkg',
  format: 'deb',
  wants: (path, options) =>
    path === DPKG_STATUS ||
    isStatusDirFile(path) ||
    (options?.fileLists === true && path.startsWith(DPKG_INFO_DIR) && path.endsWith('.list')),
  read(files, os) {
    const context = packageContext(os, 'deb');
    const status = files.get(DPKG_STATUS);
    if (status) return readDpkgStatus({ path: DPKG_STATUS, content: status }, context, files);
    const dir = [...files]
      .filter(([path]) => isStatusDirFile(path))
      .map(([path, content]) => ({ path, content }));
    return dir.length > 0 ? readDistrolessStatus(dir, context) : undefined;
  },
};
