import type { Package } from '../../../core/package.js';
import { siblingPath } from './lockfile-text.js';
import type { LockfileInput, LockfileWarning } from './parser.js';
import { MAX_LOCKFILE_BYTES } from './parser.js';

/** How many missing modules a warning names before it only counts them. */
const NAMED_IN_WARNING = 5;

/**
 * Checks go.mod's modules against the sibling go.sum. go.sum also lists modules Go only looked
 * at while resolving, so it never adds packages; its `h1:` values hash a file list rather than
 * any downloadable artifact, so they are not recorded as package hashes either.
 */
export function confirmWithGoSum(
  input: LockfileInput,
  packages: Package[],
  warnings: LockfileWarning[],
): void {
  const path = siblingPath(input.path, 'go.sum');
  const text = input.readFile(path);
  if (text === undefined) return;
  const checked = text.length > MAX_LOCKFILE_BYTES ? undefined : readGoSum(text);
  if (checked === undefined) {
    warnings.push({ message: `${path} is too large; versions were not checked against it`, path });
    return;
  }
  if (typeof checked === 'number') {
    const message = `not "module version hash"; versions were not checked against ${path}`;
    warnings.push({ message, path, line: checked });
    return;
  }
  const missing = packages.filter((pkg) => pkg.resolved && !checked.has(`${pkg.name} v${pkg.version}`));
  if (missing.length) warnings.push(missingWarning(path, missing));
}

/** `module version` pairs whose module content is hashed, or the first malformed line. */
function readGoSum(text: string): Set<string> | number {
  const modules = new Set<string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const fields = lines[index]!.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== 3 || !/^h\d+:/.test(fields[2]!)) return index + 1;
    if (!fields[1]!.endsWith('/go.mod')) modules.add(`${fields[0]} ${fields[1]}`);
  }
  return modules;
}

function missingWarning(path: string, missing: Package[]): LockfileWarning {
  const named = missing.slice(0, NAMED_IN_WARNING).map((pkg) => `${pkg.name} v${pkg.version}`);
  const more = missing.length > NAMED_IN_WARNING ? ` and ${missing.length - NAMED_IN_WARNING} more` : '';
  return {
    message: `${path} has no checksum for ${named.join(', ')}${more}: go.mod may have been edited without running "go mod tidy"`,
    path,
  };
}
