import type { Confidence, Severity } from './severity.js';

export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
}

export interface Location {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  /** Lines and columns are 1-based; columns count UTF-16 code units, as SARIF and editors do. */
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  /** The source line(s) around the finding; secret values are always redacted. */
  snippet?: string;
  /** Set when the finding comes from git history rather than the working tree. */
  commit?: CommitInfo;
}

export interface SecretInfo {
  /** Short prefix of the value followed by an ellipsis, never the whole value. */
  redacted: string;
  /** First hex digits of SHA-256 of the value, to recognise the same secret elsewhere. */
  hash: string;
}

export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
  purl?: string;
}

export interface Vulnerability {
  id: string;
  aliases: string[];
  package: PackageRef;
  fixedVersions: string[];
  cvss?: { version: string; vector: string; score: number };
  /** When the advisory was first published (RFC 3339), for the server's mean time to detect. */
  published?: string;
}

export type PropertyValue = string | number | boolean;

/**
 * The HTTP exchange behind a dynamic-testing finding, as SARIF's webRequest/webResponse carry it:
 * header values and bodies are excerpts, with secrets redacted before they get here.
 */
export interface HttpEvidence {
  request: { method: string; target: string; headers: Record<string, string>; body?: string };
  response?: { statusCode: number; headers: Record<string, string>; body?: string };
}

/** One place on a dataflow path (source, the steps between, sink), for SARIF `codeFlows`. */
export interface TraceStep {
  /** Relative to the scan root, POSIX separators. */
  path: string;
  /** 1-based; the column counts UTF-16 code units. */
  line: number;
  column?: number;
  message: string;
}

/** One problem at one place, enriched from its rule. */
export interface Finding {
  fingerprint: string;
  scanner: string;
  ruleId: string;
  title: string;
  message: string;
  severity: Severity;
  confidence: Confidence;
  location: Location;
  cwe: string[];
  references: string[];
  remediation: string;
  controls: string[];
  secret?: SecretInfo;
  vulnerability?: Vulnerability;
  properties?: Record<string, PropertyValue>;
  /** How untrusted data reaches the finding's place, from its source to this sink. */
  trace?: TraceStep[];
  /** For DAST findings: the request that showed the problem and the response to it. */
  http?: HttpEvidence;
}

/**
 * What a scanner yields. The core completes it from the rule (title, cwe, controls,
 * remediation, default severity) and computes the fingerprint.
 */
export interface FindingDraft {
  ruleId: string;
  message: string;
  location: Location;
  /** Normalised matched content for the fingerprint: never include line numbers. */
  fingerprintContent: string;
  severity?: Severity;
  confidence?: Confidence;
  secret?: SecretInfo;
  vulnerability?: Vulnerability;
  properties?: Record<string, PropertyValue>;
  trace?: TraceStep[];
  http?: HttpEvidence;
}
