import type { Finding } from '../core/finding.js';
import type { ScannerStatus } from '../core/result.js';

/** Where a scan comes from: the pipeline and the code it looked at. */
export interface ScanContext {
  project: string;
  branch: string;
  commit?: string;
  repository?: string;
  pipelineId?: string;
  stage?: string;
}

export interface UploadedComponent {
  ecosystem: string;
  name: string;
  version: string;
  purl?: string;
  licenses?: string[];
}

/** A scan as the store takes it, whatever format it was uploaded in. */
export interface ScanUpload {
  context: ScanContext;
  /** `gatehouse`, `sarif:<tool>`, `cyclonedx`, `spdx`. */
  source: string;
  /** SHA-256 of the uploaded bytes: uploading the same report twice is one scan. */
  digest: string;
  toolVersion?: string;
  startedAt?: string;
  finishedAt?: string;
  /**
   * True when the scan covered the whole target, so a finding it did not report is gone;
   * false for diff scans (`--changed-since`), which must never close anything.
   */
  complete: boolean;
  gateVerdict?: string;
  policyVersion?: string;
  scanners: { name: string; status: ScannerStatus; findings: number }[];
  findings: Finding[];
  components?: UploadedComponent[];
}
