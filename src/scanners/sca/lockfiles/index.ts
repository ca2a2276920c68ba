import { javascriptParsers } from './javascript.js';
import { otherEcosystemParsers } from './other-ecosystems.js';
import type { LockfileParser } from './parser.js';
import { pythonGoParsers } from './python-go.js';

/** Every lockfile and manifest format, grouped by family; a family file lists one parser per format file. */
export const LOCKFILE_PARSERS: readonly LockfileParser[] = [
  ...javascriptParsers,
  ...pythonGoParsers,
  ...otherEcosystemParsers,
];

export function parserFor(path: string): LockfileParser | undefined {
  return LOCKFILE_PARSERS.find((p) => p.matches(path));
}
