import type { Rule } from '../../../core/rule.js';
import type { SastRule } from '../engine/types.js';

export const SCANNER = 'sast';

/**
 * The remediation a finding carries: the rule's fix, then its safe example indented by four
 * spaces, which reads as code both as plain text and as Markdown.
 */
export function remediation(r: SastRule): string {
  if (!r.example) return r.fix.trim();
  const code = r.example
    .trimEnd()
    .split('\n')
    .map((l) => (l.trim() ? `    ${l}` : ''))
    .join('\n');
  return `${r.fix.trim()}\n\nSafe example:\n\n${code}`;
}

/** The core Rule (docs, SARIF, compliance) derived from a SAST rule's own metadata. */
export function coreRule(r: SastRule): Rule {
  return {
    id: r.id,
    scanner: SCANNER,
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidence: r.confidence,
    cwe: [...r.cwe],
    controls: [...r.controls],
    remediation: remediation(r),
    references: [...r.references],
    tags: [...new Set(['sast', ...r.languages, ...r.owasp.map((o) => `owasp:${o}`), ...r.tags])],
  };
}
