import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../../src/core/finding.js';
import type { Severity } from '../../src/core/severity.js';
import { testReport } from '../../src/server/testing.js';

/**
 * The findings of the load benchmark and its test, each named by a number: the same number is
 * the same finding (same fingerprint, rule, path) in every scan and every project, so the
 * verification can map what the database holds back to what was uploaded.
 */

export const LOAD_SCANNERS = ['sast', 'iac', 'sca', 'secrets'] as const;

const SEVERITIES: Severity[] = [
  'critical',
  'high',
  'high',
  'medium',
  'medium',
  'medium',
  'low',
  'low',
  'info',
];

export function loadFingerprint(n: number): string {
  return createHash('sha256').update(`gatehouse-load/${n}`).digest('hex').slice(0, 32);
}

/** Finding `n` as a scanner reports it; its fields vary with `n` only. */
export function loadFinding(n: number): Finding {
  const scanner = LOAD_SCANNERS[n % LOAD_SCANNERS.length]!;
  const ruleId = `${scanner}/rule-${n % 97}`;
  const path = `services/svc-${n % 37}/src/module-${n % 211}/file-${n % 997}.ts`;
  const f: Finding = {
    fingerprint: loadFingerprint(n),
    scanner,
    ruleId,
    title: `Rule ${ruleId} title`,
    message: `User input reaches a dangerous call in ${path} (case ${n}).`,
    severity: SEVERITIES[n % SEVERITIES.length]!,
    confidence: 'high',
    location: {
      path,
      startLine: 1 + (n % 397),
      snippet: `const r = query("SELECT " + req.params.id); // ${n}`,
    },
    cwe: ['CWE-89'],
    references: ['https://cwe.mitre.org/data/definitions/89.html'],
    remediation: 'Use a parameterised query.',
    controls: ['nist-800-53:SI-10'],
  };
  if (scanner === 'sca')
    f.vulnerability = {
      id: `GHSA-load-${(n % 5003).toString(36)}`,
      aliases: [`CVE-2026-${10000 + (n % 5003)}`],
      package: {
        ecosystem: 'npm',
        name: `pkg-${n % 1009}`,
        version: '1.2.3',
        purl: `pkg:npm/pkg-${n % 1009}@1.2.3`,
      },
      fixedVersions: ['1.2.4'],
    };
  return f;
}

/**
 * The gzipped Gatehouse JSON report of findings `ns`, every scanner complete. The pipeline id
 * goes in as the commit, so no two uploads have the same bytes (the server's digest).
 */
export function loadReport(ns: readonly number[], pipeline: string): Buffer {
  return gzipSync(testReport(ns.map(loadFinding), { commit: pipeline, scanners: [...LOAD_SCANNERS] }));
}
