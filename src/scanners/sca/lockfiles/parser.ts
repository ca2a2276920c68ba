import type { Ecosystem, Package } from '../../../core/package.js';

export interface LockfileInput {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  text: string;
  /**
   * Reads another file of the tree by path relative to the scan root (a `-r` include, a
   * parent POM, go.sum): undefined when it does not exist or is outside the root.
   */
  readFile(path: string): string | undefined;
}

export interface LockfileWarning {
  message: string;
  /** In `path` when given, else in the parsed file. */
  line?: number;
  /**
   * The file the warning is about when it is not the parsed one (an included requirements
   * file, a parent POM, go.sum, the project manifest beside a lockfile); relative to the scan root.
   */
  path?: string;
}

export interface LockfileResult {
  packages: Package[];
  /** Things a user should know that did not stop parsing (an unresolvable version, an unknown field). */
  warnings: LockfileWarning[];
}

/**
 * One lockfile or manifest format. `matches` is a cheap test on the path; `parse` throws
 * `LockfileError` for input it cannot read (the scanner reports it naming the file and goes on).
 */
export interface LockfileParser {
  /** Stable id, e.g. `npm-package-lock`. */
  name: string;
  ecosystem: Ecosystem;
  /** Human name of the format for docs and messages: `package-lock.json (npm)`. */
  format: string;
  matches(path: string): boolean;
  parse(input: LockfileInput): LockfileResult;
}

export class LockfileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'LockfileError';
  }
}

/** Lockfiles larger than this are refused: no real one comes close, a hostile one would exhaust memory. */
export const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;
