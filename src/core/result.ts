import type { Diagnostic } from './diagnostic.js';
import type { Finding } from './finding.js';
import type { Rule } from './rule.js';

export type ScannerStatus = 'ok' | 'partial' | 'failed';

export interface ScannerRun {
  name: string;
  status: ScannerStatus;
  durationMs: number;
  files: number;
  bytes: number;
  findings: number;
  error?: string;
}

export interface ScanTarget {
  /** As given by the user (a path), made absolute. */
  root: string;
  repository?: string;
  branch?: string;
  commit?: string;
}

export interface ScanResult {
  target: ScanTarget;
  startedAt: string;
  finishedAt: string;
  /** Sorted by severity, then path, line and rule, so outputs are deterministic. */
  findings: Finding[];
  scanners: ScannerRun[];
  diagnostics: Diagnostic[];
  /** Every rule of the scanners that ran, by id. */
  rules: Rule[];
  discovery: { files: number; bytes: number; skipped: number };
}
