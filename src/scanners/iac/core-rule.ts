import type { Rule } from '../../core/rule.js';
import type { IacRule } from './rule.js';

export const SCANNER = 'iac';

/** The core Rule (docs, SARIF, compliance map) derived from an IaC rule's own metadata. */
export function coreRule(r: IacRule): Rule {
  return {
    id: r.id,
    scanner: SCANNER,
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidence: r.confidence ?? 'high',
    cwe: [...(r.cwe ?? [])],
    controls: [...r.cis, ...r.nist.map((n) => `nist-800-53:${n}`), ...(r.controls ?? [])],
    remediation: r.remediation,
    references: [...r.references],
    tags: ['iac', r.platform],
  };
}
