import { posix } from 'node:path';
import type { Package, PackageHash } from '../../../core/package.js';
import {
  arrayTableLines,
  asArray,
  asRecord,
  asString,
  isRecord,
  parseTomlDocument,
} from './lockfile-text.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { linkByName, UniquePackages } from './pypi-graph.js';
import { collectHashes, isPypiName, normalizePypiName, parseHash, pypiPackage } from './pypi-package.js';
import { type ProjectDeclarations, readProjectDeclarations } from './pyproject-declarations.js';

/** Poetry source types whose code lives in the tree, not on an index: never matched by version. */
const LOCAL_SOURCES = new Set(['directory', 'file']);

/** `poetry.lock`: lock-version 1.x (`category`, `[metadata.files]`) and 2.x (`groups`, per-package `files`). */
export const poetryLockParser: LockfileParser = {
  name: 'poetry-lock',
  ecosystem: 'PyPI',
  format: 'poetry.lock (Poetry)',
  matches: (path) => posix.basename(path) === 'poetry.lock',
  parse,
};

interface Context {
  path: string;
  metadataFiles: Record<string, unknown>;
  declarations: ProjectDeclarations | undefined;
  warnings: LockfileWarning[];
}

function parse(input: LockfileInput): LockfileResult {
  const doc = parseTomlDocument(input.text);
  const warnings: LockfileWarning[] = [];
  const entries = asArray(doc.package);
  const lines = arrayTableLines(input.text, 'package', entries.length);
  const context: Context = {
    path: input.path,
    metadataFiles: asRecord(asRecord(doc.metadata).files),
    declarations: readProjectDeclarations(input, warnings),
    warnings,
  };
  const packages = new UniquePackages();
  const dependencyNames = new Map<Package, string[]>();
  entries.forEach((entry, index) => {
    const pkg = toPackage(entry, lines[index], context);
    if (!pkg) return;
    const stored = packages.add(pkg);
    const names = Object.keys(asRecord(asRecord(entry).dependencies));
    dependencyNames.set(stored, [...(dependencyNames.get(stored) ?? []), ...names]);
  });
  const result = packages.packages();
  linkByName(result, dependencyNames, warnings);
  return { packages: result, warnings };
}

function toPackage(entry: unknown, line: number | undefined, context: Context): Package | undefined {
  const table = asRecord(entry);
  const name = asString(table.name);
  const version = asString(table.version);
  if (!name || version === undefined) {
    context.warnings.push({ message: 'a [[package]] entry has no name or version; skipped', line });
    return undefined;
  }
  if (!isPypiName(name, context.warnings, line)) return undefined;
  const source = asRecord(table.source);
  const local = LOCAL_SOURCES.has(asString(source.type) ?? '');
  const groups = poetryGroups(table);
  return pypiPackage(
    {
      name,
      version: local ? '' : version,
      constraint: local ? asString(source.url) : undefined,
      path: context.path,
      line,
      direct: context.declarations?.direct.has(normalizePypiName(name)),
      dev: isDev(groups),
      groups: table.optional === true ? [...groups, 'optional'] : groups,
      hashes: packageHashes(name, table, context),
    },
    context.warnings,
  );
}

/** Lock-version 2 lists `groups`; 1.x has a single `category` of `main` or `dev`. */
function poetryGroups(table: Record<string, unknown>): string[] {
  const groups = asArray(table.groups).filter((group): group is string => typeof group === 'string');
  const category = asString(table.category);
  return groups.length ? groups : category ? [category] : [];
}

/** Every group but `main` is a development group in Poetry; with no group at all it is unknown. */
function isDev(groups: string[]): boolean | undefined {
  return groups.length ? !groups.includes('main') : undefined;
}

/** Hashes sit on the package (2.x) or under `[metadata.files]` keyed by name (1.x). */
function packageHashes(name: string, table: Record<string, unknown>, context: Context): PackageHash[] {
  const files = Array.isArray(table.files) ? table.files : asArray(context.metadataFiles[name]);
  return collectHashes(
    files.map((file) => (isRecord(file) ? parseHash(asString(file.hash) ?? '') : undefined)),
  );
}
