import type { Rule } from '../../core/rule.js';
import type { Detector } from './detector.js';

export const SCANNER = 'secrets';

export function ruleId(detectorId: string): string {
  return `${SCANNER}/${detectorId}`;
}

/** Secret leaks map to the same controls whatever the provider. */
const CONTROLS = [
  'nist-800-53:IA-5(7)',
  'nist-800-53:SC-28',
  'nist-800-53:SA-11',
  'pci-dss-4:8.3.2',
  'pci-dss-4:8.6.2',
  'soc2:CC6.1',
  'cis-controls-8:16.4',
];

export function detectorRule(d: Detector): Rule {
  return {
    id: ruleId(d.id),
    scanner: SCANNER,
    title: d.title,
    description: d.description,
    severity: d.severity,
    confidence: d.confidence ?? 'high',
    cwe: [...(d.cwe ?? ['CWE-798'])],
    controls: CONTROLS,
    remediation: d.remediation,
    references: [...d.references],
    tags: ['secret', d.generic ? 'generic' : 'provider', d.provider.toLowerCase()],
  };
}
