import type { Confidence, Severity } from './severity.js';

/**
 * What a scanner can raise. Findings point at a rule by id; formats, docs and the
 * compliance map read the rule, so rule text is written once.
 */
export interface Rule {
  /** Stable id, unique across scanners, e.g. `secrets/aws-access-key-id`. */
  id: string;
  scanner: string;
  title: string;
  /** What the rule detects and why it matters (plain text, one paragraph). */
  description: string;
  severity: Severity;
  confidence: Confidence;
  cwe: string[];
  /** Compliance controls, e.g. `nist-800-53:IA-5`, `pci-dss-4:8.3.2`. */
  controls: string[];
  /** How to fix it (plain text; may contain a short code example). */
  remediation: string;
  references: string[];
  tags: string[];
}
