import { posix } from 'node:path';
import { satisfies } from '@renovatebot/pep440';
import type { Package } from '../../../core/package.js';
import { assertLockfileSize } from './lockfile-text.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { indexByName } from './pypi-graph.js';
import { collectHashes, normalizePep440, normalizePypiName, parseHash, pypiPackage } from './pypi-package.js';
import { type DeclaredRequirement, readRequirements } from './requirements-reader.js';

/**
 * pip requirements and constraints files. Only an exact pin (`==1.2`, `===1.2`, a wheel file)
 * is a resolved version; a range is reported with its constraint, never as its lower bound.
 * Every entry is direct: the project lists it itself.
 */
export const requirementsTxtParser: LockfileParser = {
  name: 'pip-requirements',
  ecosystem: 'PyPI',
  format: 'requirements.txt (pip)',
  matches: isRequirementsFile,
  parse,
};

/** `requirements*.txt`, `*-requirements.txt`, `constraints*.txt`, and any `.txt` in a `requirements/` folder. */
function isRequirementsFile(path: string): boolean {
  const base = posix.basename(path).toLowerCase();
  if (!base.endsWith('.txt')) return false;
  if (/^(?:requirements|constraints)(?:[-_.].*)?\.txt$/.test(base) || /[-_.]requirements\.txt$/.test(base))
    return true;
  return posix.basename(posix.dirname(path)).toLowerCase() === 'requirements';
}

function parse(input: LockfileInput): LockfileResult {
  assertLockfileSize(input.text);
  const { requirements, constraints, warnings } = readRequirements(input);
  const pins = new Map<string, DeclaredRequirement>();
  for (const constraint of constraints) {
    if (constraint.pinned) pins.set(normalizePypiName(constraint.name!), constraint);
  }
  const packages = [...indexByName(requirements, (requirement) => requirement.name!)].flatMap(
    ([name, group]) => toPackages(group, pins.get(name), input, warnings),
  );
  return { packages, warnings };
}

/**
 * pip merges every line that names a package. Exact pins win (one package per pinned version:
 * lines split by environment markers may pin different ones); otherwise a `-c` pin that fits
 * every range resolves it; otherwise the package stays unresolved with its combined constraint.
 */
function toPackages(
  group: DeclaredRequirement[],
  pin: DeclaredRequirement | undefined,
  input: LockfileInput,
  warnings: LockfileWarning[],
): Package[] {
  const pinned = group.filter((requirement) => requirement.pinned);
  if (pinned.length) return distinctPins(pinned).map((entries) => resolvedPackage(entries, input, warnings));
  const url = group.find((requirement) => requirement.url)?.url;
  const specifier = [...new Set(group.map((requirement) => requirement.specifier).filter(Boolean))].join(',');
  const first = group[0]!;
  const shared = { name: first.name!, ...placement(first, input), markers: combinedMarkers(group) };
  if (pin && !url && fitsPin(pin, specifier, first, warnings)) {
    const hashes = collectHashes(pin.hashes.map((hash) => parseHash(hash)));
    return [pypiPackage({ ...shared, version: pin.pinned!, direct: true, hashes }, warnings)];
  }
  return [pypiPackage({ ...shared, version: '', constraint: url ?? specifier, direct: true }, warnings)];
}

function distinctPins(pinned: DeclaredRequirement[]): DeclaredRequirement[][] {
  const byVersion = new Map<string, DeclaredRequirement[]>();
  for (const requirement of pinned) {
    const version = normalizePep440(requirement.pinned!) ?? requirement.pinned!;
    const same = byVersion.get(version);
    if (same) same.push(requirement);
    else byVersion.set(version, [requirement]);
  }
  return [...byVersion.values()];
}

function resolvedPackage(
  entries: DeclaredRequirement[],
  input: LockfileInput,
  warnings: LockfileWarning[],
): Package {
  const first = entries[0]!;
  const hashes = collectHashes(entries.flatMap((entry) => entry.hashes.map((hash) => parseHash(hash))));
  return pypiPackage(
    {
      name: first.name!,
      version: first.pinned!,
      ...placement(first, input),
      direct: true,
      hashes,
      markers: combinedMarkers(entries),
    },
    warnings,
  );
}

/**
 * The package is reported against the scanned file; an entry of an included file is placed at
 * the scanned file's include line, and `declaredIn` keeps the entry's own file and line.
 */
function placement(entry: DeclaredRequirement, input: LockfileInput) {
  if (entry.path === input.path) return { path: entry.path, line: entry.line };
  return { path: input.path, line: entry.via, declaredIn: { path: entry.path, line: entry.line } };
}

/**
 * pip installs a package when any line naming it applies: a line without markers always does;
 * otherwise the lines' markers, joined by `or` (each parenthesised, since `and` binds tighter).
 */
function combinedMarkers(entries: DeclaredRequirement[]): string | undefined {
  if (entries.some((entry) => entry.markers === undefined)) return undefined;
  const distinct = [...new Set(entries.map((entry) => entry.markers!))];
  return distinct.length === 1 ? distinct[0] : distinct.map((m) => `(${m})`).join(' or ');
}

/** pip refuses to install when a constraint contradicts a requirement; the package then stays unresolved. */
function fitsPin(
  pin: DeclaredRequirement,
  specifier: string,
  requirement: DeclaredRequirement,
  warnings: LockfileWarning[],
): boolean {
  const version = normalizePep440(pin.pinned!);
  if (version && (!specifier || satisfies(version, specifier, { prereleases: true }))) return true;
  const where = (entry: DeclaredRequirement) => `${entry.path}:${entry.line}`;
  warnings.push({
    message: `${requirement.name} (${where(requirement)}): constraint ${pin.pinned} (${where(pin)}) does not satisfy "${specifier}"`,
  });
  return false;
}
