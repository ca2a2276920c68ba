import type { Diagnostic, DiagnosticLevel } from '../../../core/diagnostic.js';
import type { OsPackage } from './types.js';

/** Past this many problems in one file the rest are counted, not listed: a garbage file has millions. */
const MAX_LISTED = 20;

/** The problems found in one database file, each naming the file. */
export class Problems {
  private readonly listed: Diagnostic[] = [];
  private unlisted = 0;

  constructor(readonly path: string) {}

  /** Damage that cost packages: the file, or part of it, could not be read. */
  corrupt(message: string, level: DiagnosticLevel = 'error'): undefined {
    return this.add(level, 'package-db-corrupt', message);
  }

  /** Returns undefined so a reader can report and give up on an entry in one statement. */
  add(level: DiagnosticLevel, code: string, message: string): undefined {
    if (this.listed.length < MAX_LISTED) this.listed.push({ level, code, path: this.path, message });
    else this.unlisted++;
    return undefined;
  }

  get count(): number {
    return this.listed.length + this.unlisted;
  }

  diagnostics(): Diagnostic[] {
    if (this.unlisted === 0) return [...this.listed];
    const message = `${this.unlisted} more problems in ${this.path} not listed`;
    return [...this.listed, { level: 'warning', code: 'package-db-corrupt', path: this.path, message }];
  }
}

/** Decodes a database text file: UTF-8 (invalid bytes become U+FFFD), without a byte-order mark. */
export function decodeText(content: Buffer): string {
  const text = content.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Calls `visit` with every line (CRLF or LF, without its end) and its 1-based number, without
 * splitting a 50 MB file into an array. `ended` is false for a last line with no newline.
 */
export function forEachLine(
  text: string,
  visit: (line: string, lineNo: number, ended: boolean) => void,
): void {
  let start = 0;
  let lineNo = 1;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    visit(line, lineNo++, nl >= 0);
    start = end + 1;
  }
}

/** Characters no database writes in a name, version or field value: controls other than tab, and U+FFFD. */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f\ufffd]/;

export function isPrintable(text: string): boolean {
  return !UNPRINTABLE.test(text);
}

/** A package name or version as databases write them: one printable token. */
export function isToken(text: string): boolean {
  return text !== '' && isPrintable(text) && !/\s/.test(text);
}

/** Larger than any real package database (a full RHEL rpmdb is ~100 MB): refused, not read into memory twice. */
export const MAX_DB_BYTES = 256 * 1024 * 1024;

/** False (with a diagnostic) for a file too large to read. */
export function withinSizeLimit(content: Buffer, problems: Problems): boolean {
  if (content.length <= MAX_DB_BYTES) return true;
  problems.add('error', 'file-too-large', `${content.length} bytes, more than the ${MAX_DB_BYTES} read`);
  return false;
}

/** Keeps the first of two entries with one key (a damaged or hand-edited database) and says so. */
export function addUnique(byKey: Map<string, OsPackage>, pkg: OsPackage, problems: Problems): void {
  const first = byKey.get(pkg.key);
  if (!first) return void byKey.set(pkg.key, pkg);
  const at = (p: OsPackage) => (p.source.line === undefined ? '' : ` (line ${p.source.line})`);
  const message = `package ${pkg.key} is listed twice${at(first)}${at(pkg)}; the first entry is kept`;
  problems.add('warning', 'package-db-duplicate', message);
}
