import type { Rule } from '../../../core/rule.js';
import type { Confidence, Severity } from '../../../core/severity.js';

export const SCANNER = 'container';

/** A hardening rule as written: controls by framework, turned into the core Rule once. */
export interface HardeningRuleSpec {
  /** `container/<slug>`, the slug being the check's file name. */
  id: string;
  title: string;
  /** Why it matters: the rationale a reviewer reads. */
  description: string;
  severity: Severity;
  confidence?: Confidence;
  /** CIS Docker Benchmark v1.6.0 ids: `cis-docker:4.1`. */
  cis: readonly string[];
  /** NIST SP 800-53 rev5 control ids: `AC-6`, `IA-5(7)`. */
  nist: readonly string[];
  cwe?: readonly string[];
  /** How to fix, with the Dockerfile lines that do it. */
  remediation: string;
  references: readonly string[];
}

export function hardeningRule(r: HardeningRuleSpec): Rule {
  return {
    id: r.id,
    scanner: SCANNER,
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidence: r.confidence ?? 'high',
    cwe: [...(r.cwe ?? [])],
    controls: [...r.cis, ...r.nist.map((n) => `nist-800-53:${n}`)],
    remediation: r.remediation,
    references: [...r.references],
    tags: ['container', 'hardening'],
  };
}
