import { packageContext } from './distributions.js';
import { osPurl } from './os-purl.js';
import {
  addUnique,
  decodeText,
  forEachLine,
  isPrintable,
  isToken,
  Problems,
  withinSizeLimit,
} from './problems.js';
import type { DbFile, OsPackage, OsPackageDb, PackageContext, ReaderResult } from './types.js';

export const APK_INSTALLED = 'lib/apk/db/installed';

const ALPINE: PackageContext = { ecosystem: 'Alpine' };

/**
 * One record of apk-tools' installed database (https://wiki.alpinelinux.org/wiki/Apk_spec):
 * `X:value` lines, blank-line separated. `P` name, `V` version, `A` arch, `o` origin (the
 * source package), `L` license; `F` a directory, each `R` after it a file in it.
 */
interface ApkRecord {
  line: number;
  fields: Map<string, string>;
  files: string[];
  dir: string;
  truncated: boolean;
}

function newRecord(line: number): ApkRecord {
  return { line, fields: new Map(), files: [], dir: '', truncated: false };
}

function addLine(record: ApkRecord, key: string, value: string): void {
  if (key === 'F') {
    record.dir = value.replace(/^\/+|\/+$/g, '');
    if (record.dir !== '') record.files.push(record.dir);
  } else if (key === 'R') {
    record.files.push(record.dir === '' ? value : `${record.dir}/${value}`);
  } else if (!record.fields.has(key)) {
    record.fields.set(key, value);
  }
}

function parseRecords(text: string, problems: Problems, visit: (record: ApkRecord) => void): void {
  let current: ApkRecord | undefined;
  // A run of lines none of which parsed is reported line by line, not again as a record.
  const flush = () => {
    if (current && (current.fields.size > 0 || current.files.length > 0)) visit(current);
    current = undefined;
  };
  forEachLine(text, (line, lineNo, ended) => {
    if (line === '') {
      flush();
      return;
    }
    current ??= newRecord(lineNo);
    if (!ended) current.truncated = true;
    const m = isPrintable(line) ? /^([A-Za-z]):(.*)$/.exec(line) : null;
    if (!m) return problems.corrupt(`line ${lineNo}: not an "X:value" line`, 'warning');
    addLine(current, m[1]!, m[2]!);
  });
  flush();
}

function toPackage(record: ApkRecord, path: string, context: PackageContext, problems: Problems) {
  const at = `line ${record.line}`;
  if (record.truncated)
    return problems.corrupt(`${at}: the file ends inside this record (truncated?); skipped`);
  const name = record.fields.get('P') ?? '';
  if (!isToken(name)) return problems.corrupt(`${at}: record without a valid P: (name); skipped`, 'warning');
  const version = record.fields.get('V') ?? '';
  if (!isToken(version))
    return problems.corrupt(`${at}: package ${name} has no valid V:; skipped`, 'warning');
  const arch = record.fields.get('A') ?? '';
  const purl = osPurl(context, name, version, { arch });
  if (purl === undefined) return problems.corrupt(`${at}: no package URL for ${name}; skipped`, 'warning');
  const license = record.fields.get('L');
  const pkg: OsPackage = {
    ecosystem: context.ecosystem,
    name,
    version,
    resolved: true,
    purl,
    source: { path, line: record.line },
    key: name,
    arch,
    // Subpackages (libssl3, busybox-binsh) are built from their origin at the same version.
    sourceName: record.fields.get('o') || name,
    sourceVersion: version,
    files: record.files,
  };
  if (license) pkg.licenses = [license];
  return pkg;
}

/** The packages of apk's installed database. */
export function readApkInstalled(file: DbFile, context = ALPINE): ReaderResult {
  const problems = new Problems(file.path);
  const byName = new Map<string, OsPackage>();
  if (withinSizeLimit(file.content, problems)) {
    parseRecords(decodeText(file.content), problems, (record) => {
      const pkg = toPackage(record, file.path, context, problems);
      if (pkg) addUnique(byName, pkg, problems);
    });
    if (byName.size === 0 && problems.count > 0) problems.corrupt('no package could be read from this file');
  }
  return { packages: [...byName.values()], diagnostics: problems.diagnostics() };
}

export const apkDatabase: OsPackageDb = {
  name: 'apk',
  format: 'apk',
  wants: (path) => path === APK_INSTALLED,
  read(files, os) {
    const content = files.get(APK_INSTALLED);
    return content && readApkInstalled({ path: APK_INSTALLED, content }, packageContext(os, 'apk'));
  },
};
