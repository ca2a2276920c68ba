export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** A problem with the scan itself (not a finding): unreadable file, skipped binary, bad config. */
export interface Diagnostic {
  level: DiagnosticLevel;
  /** Machine-readable kind, e.g. `file-too-large`, `binary-file`, `read-error`, `scanner-failed`. */
  code: string;
  message: string;
  scanner?: string;
  path?: string;
}

export interface DiagnosticSink {
  report(d: Diagnostic): void;
}
