import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import type { Package } from '../../core/package.js';
import type { FileEntry, ScanContext } from '../../core/scanner.js';
import { parserFor } from './lockfiles/index.js';
import { LockfileError, type LockfileWarning, MAX_LOCKFILE_BYTES } from './lockfiles/parser.js';

/** Reads a file of the tree for a parser (a `-r` include, a parent POM); never outside the root. */
export function treeReader(root: string): (path: string) => string | undefined {
  return (path) => {
    const abs = normalize(join(root, path));
    const rel = relative(root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    try {
      if (statSync(abs).size > MAX_LOCKFILE_BYTES) return undefined;
      return readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * Parses every lockfile and manifest the scanner was given. A file that cannot be parsed is
 * reported by name with the reason, and the others are still read.
 */
export function collectPackages(ctx: ScanContext): Package[] {
  const readFile = treeReader(ctx.root);
  const packages: Package[] = [];
  const warned = new Set<string>();
  for (const file of ctx.files) {
    if (ctx.signal.aborted) break;
    packages.push(...parseOne(file, readFile, ctx, warned));
    ctx.progress.advance(1, file.size);
  }
  return packages;
}

/**
 * Warnings go under the file they are about. A file two lockfiles read (a shared `-r` include,
 * a parent POM that is scanned itself too) would repeat its warnings: each is said once.
 */
function reportWarnings(file: FileEntry, warnings: LockfileWarning[], ctx: ScanContext, warned: Set<string>) {
  for (const w of warnings) {
    const path = w.path ?? file.path;
    const message = w.line ? `line ${w.line}: ${w.message}` : w.message;
    const key = JSON.stringify([path, message]);
    if (warned.has(key)) continue;
    warned.add(key);
    ctx.report({ level: 'warning', code: 'lockfile-warning', path, message });
  }
}

function parseOne(
  file: FileEntry,
  readFile: (p: string) => string | undefined,
  ctx: ScanContext,
  warned: Set<string>,
): Package[] {
  const parser = parserFor(file.path);
  if (!parser) return [];
  if (file.size > MAX_LOCKFILE_BYTES) {
    ctx.report({
      level: 'error',
      code: 'lockfile-too-large',
      path: file.path,
      message: `${file.size} bytes: larger than any real ${parser.format}; skipped`,
    });
    return [];
  }
  try {
    const text = readFileSync(file.absPath, 'utf8');
    const result = parser.parse({ path: file.path, text, readFile });
    reportWarnings(file, result.warnings, ctx, warned);
    return result.packages;
  } catch (e) {
    const where = e instanceof LockfileError && e.line ? ` (line ${e.line})` : '';
    const what = e instanceof LockfileError ? e.message : `unexpected error: ${(e as Error).message}`;
    ctx.report({
      level: 'error',
      code: 'lockfile-invalid',
      path: file.path,
      message: `cannot parse as ${parser.format}${where}: ${what}`,
    });
    return [];
  }
}
