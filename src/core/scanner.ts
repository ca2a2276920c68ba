import type { Diagnostic } from './diagnostic.js';
import type { FindingDraft } from './finding.js';
import type { Rule } from './rule.js';

/** A file found by the discovery walk. */
export interface FileEntry {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  absPath: string;
  size: number;
}

export interface Progress {
  /** Called by scanners as they finish files; cheap, may be called very often. */
  advance(files: number, bytes: number): void;
}

export interface ScanOptions {
  /** Scan every blob in the git history instead of (well, as well as) the working tree. */
  gitHistory: boolean;
  /** Files larger than this are skipped with a diagnostic. */
  maxFileSize: number;
  /** Worker threads a scanner may use; 1 means in-process. */
  threads: number;
  /** Scan the packages of this CycloneDX or SPDX file instead of the tree's lockfiles. */
  sbom?: string;
  /** Allow registry look-ups (package risk); nothing is fetched otherwise. */
  online?: boolean;
}

export interface ScanContext {
  root: string;
  /** The discovered files this scanner asked for through `wants`. */
  files: readonly FileEntry[];
  /** This scanner's own options from gatehouse.yml (validated by the config schema). */
  options: Readonly<Record<string, unknown>>;
  scan: Readonly<ScanOptions>;
  progress: Progress;
  signal: AbortSignal;
  report(d: Omit<Diagnostic, 'scanner'>): void;
}

export interface Scanner {
  name: string;
  description: string;
  rules(): readonly Rule[];
  /**
   * Rules the scanned repository defines for this scanner (`.gatehouse/rules/`). Loaded before
   * any scanner runs, so a mistake in one is a UserError (exit 2), not a half-done scan.
   */
  projectRules?(root: string): readonly Rule[];
  /**
   * Called before the discovery walk with this scanner's options: a chance to start slow
   * set-up (worker threads) that then overlaps the walk. Must not fail; scan() reports problems.
   */
  prepare?(options: Readonly<Record<string, unknown>>, scan: Readonly<ScanOptions>): void;
  /** A cheap predicate on path and size: which discovered files this scanner reads. */
  wants(file: FileEntry): boolean;
  scan(ctx: ScanContext): AsyncIterable<FindingDraft>;
}
