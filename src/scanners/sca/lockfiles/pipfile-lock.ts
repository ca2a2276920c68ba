import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { LineIndex } from './line-index.js';
import {
  asArray,
  asString,
  isRecord,
  parseJsonDocument,
  parseTomlDocument,
  siblingPath,
} from './lockfile-text.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { LockfileError } from './parser.js';
import { UniquePackages } from './pypi-graph.js';
import { collectHashes, isPypiName, normalizePypiName, parseHash, pypiPackage } from './pypi-package.js';

/** `Pipfile.lock` (pipenv): `default` is what runs, `develop` what developers add; other keys are custom categories. */
export const pipfileLockParser: LockfileParser = {
  name: 'pipfile-lock',
  ecosystem: 'PyPI',
  format: 'Pipfile.lock (pipenv)',
  matches: (path) => posix.basename(path) === 'Pipfile.lock',
  parse,
};

const MAX_KEY_MISSES = 16;

/** Pipfile tables that are settings, not package categories. */
const PIPFILE_SETTINGS = new Set(['source', 'requires', 'pipenv', 'scripts']);

interface Context {
  path: string;
  text: string;
  lines: LineIndex;
  locator: { offset: number; misses: number };
  direct: Set<string> | undefined;
  warnings: LockfileWarning[];
}

function parse(input: LockfileInput): LockfileResult {
  const doc = parseJsonDocument(input.text);
  if (!isRecord(doc)) throw new LockfileError('expected a JSON object with "default" and "develop" sections');
  const warnings: LockfileWarning[] = [];
  const context: Context = {
    path: input.path,
    text: input.text,
    lines: new LineIndex(input.text),
    locator: { offset: 0, misses: 0 },
    direct: readPipfileNames(input, warnings),
    warnings,
  };
  const packages = new UniquePackages();
  for (const [category, section] of Object.entries(doc)) {
    if (category === '_meta' || !isRecord(section)) continue;
    keyLine(context, category);
    for (const [name, entry] of Object.entries(section)) {
      const pkg = toPackage(category, name, entry, context);
      if (pkg) packages.add(pkg);
    }
  }
  return { packages: packages.packages(), warnings };
}

function toPackage(category: string, name: string, entry: unknown, context: Context): Package | undefined {
  const line = keyLine(context, name);
  if (!isPypiName(name, context.warnings, line)) return undefined;
  if (!isRecord(entry)) {
    context.warnings.push({ message: `${category}.${name} is not an object; skipped`, line });
    return undefined;
  }
  const pinned = /^\s*===?\s*(\S+)\s*$/.exec(asString(entry.version) ?? '')?.[1];
  return pypiPackage(
    {
      name,
      version: pinned ?? '',
      constraint: pinned ? undefined : unpinnedConstraint(entry),
      path: context.path,
      line,
      direct: context.direct?.has(normalizePypiName(name)),
      dev: category === 'default' ? false : category === 'develop' ? true : undefined,
      groups: [category],
      hashes: collectHashes(asArray(entry.hashes).map((hash) => parseHash(asString(hash) ?? ''))),
      markers: asString(entry.markers),
    },
    context.warnings,
  );
}

/** What stands in for a version: a range, or the VCS, path or URL the package is installed from. */
function unpinnedConstraint(entry: Record<string, unknown>): string | undefined {
  const git = asString(entry.git);
  if (git) return asString(entry.ref) ? `${git}@${asString(entry.ref)}` : git;
  return asString(entry.version) ?? asString(entry.path) ?? asString(entry.file);
}

/**
 * JSON has no positions, so the line is found by searching for the quoted key forward from the
 * previous one (keys come in document order). A key spelled with escapes is not found; after a
 * few misses the search stops, so a hostile file cannot make every look-up scan to the end.
 */
function keyLine(context: Context, key: string): number | undefined {
  const { locator } = context;
  if (locator.misses >= MAX_KEY_MISSES) return undefined;
  const found = context.text.indexOf(`"${key}"`, locator.offset);
  if (found < 0) {
    locator.misses++;
    return undefined;
  }
  locator.offset = found + key.length + 2;
  return context.lines.lineOf(found);
}

/** Names declared in the sibling Pipfile, in any category; undefined when there is none. */
function readPipfileNames(input: LockfileInput, warnings: LockfileWarning[]): Set<string> | undefined {
  const path = siblingPath(input.path, 'Pipfile');
  const text = input.readFile(path);
  if (text === undefined) return undefined;
  try {
    const doc = parseTomlDocument(text);
    const names = Object.entries(doc)
      .filter(([table, value]) => !PIPFILE_SETTINGS.has(table) && isRecord(value))
      .flatMap(([, value]) => Object.keys(value as Record<string, unknown>));
    return new Set(names.map(normalizePypiName));
  } catch (error) {
    warnings.push({ message: `${path}: ${(error as Error).message}; direct dependencies are unknown`, path });
    return undefined;
  }
}
