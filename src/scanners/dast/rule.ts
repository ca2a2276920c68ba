import { owaspControl } from '../../core/owasp.js';
import type { Rule } from '../../core/rule.js';
import type { Confidence, Severity } from '../../core/severity.js';
import { SCANNER } from './types.js';

/** A DAST rule as written: OWASP Top 10 (2021) category and NIST controls, turned into the core Rule once. */
export interface DastRuleSpec {
  /** `dast/<slug>`, the slug being the rule's file name. */
  id: string;
  title: string;
  /** What it detects and why it matters, plus how it avoids false positives. */
  description: string;
  severity: Severity;
  confidence?: Confidence;
  cwe: readonly string[];
  /** `A05:2021` style ids. */
  owasp: readonly string[];
  /** NIST SP 800-53 rev5 control ids: `SC-8`, `SI-11`. */
  nist: readonly string[];
  /** How to fix, with a configuration or code example. */
  remediation: string;
  references: readonly string[];
  /** `passive`, `probe` or `active`: which phase raises it. */
  mode: 'passive' | 'probe' | 'active';
}

export function dastRule(r: DastRuleSpec): Rule {
  return {
    id: r.id,
    scanner: SCANNER,
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidence: r.confidence ?? 'high',
    cwe: [...r.cwe],
    controls: [...r.owasp.map(owaspControl), ...r.nist.map((n) => `nist-800-53:${n}`)],
    remediation: r.remediation,
    references: [...r.references],
    tags: ['dast', r.mode],
  };
}
