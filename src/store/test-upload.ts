import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { ScanUpload } from './upload.js';

/** A finding as a scanner would report it, for store and server tests. */
export function testFinding(n: number, over: Partial<Finding> = {}): Finding {
  return {
    fingerprint: `fp-${n}`,
    scanner: 'sast',
    ruleId: `sast/rule-${n % 7}`,
    title: `Problem ${n}`,
    message: `Problem number ${n}`,
    severity: (['critical', 'high', 'medium', 'low', 'info'] as Severity[])[n % 5]!,
    confidence: 'high',
    location: { path: `src/file-${n % 50}.ts`, startLine: (n % 300) + 1 },
    cwe: ['CWE-89'],
    references: [],
    remediation: 'Fix it.',
    controls: [],
    ...over,
  };
}

let uploads = 0;

/** A finding whose fingerprint looks like a real one (hex), as report uploads require. */
export function reportFinding(n: number, over: Partial<Finding> = {}): Finding {
  return testFinding(n, {
    fingerprint: createHash('sha256').update(`fp-${n}`).digest('hex').slice(0, 32),
    ...over,
  });
}

/** A complete scan of `findings` for project/branch; each call is a new upload (its own digest). */
export function testUpload(
  findings: Finding[],
  over: Partial<ScanUpload> = {},
  project = 'web',
  branch = 'main',
): ScanUpload {
  const scanners = [...new Set(findings.map((f) => f.scanner)), ...(over.scanners ? [] : ['sast'])];
  const base: ScanUpload = {
    context: { project, branch, commit: 'abc123' },
    source: 'gatehouse',
    digest: '',
    complete: true,
    scanners: [...new Set(scanners)].map((name) => ({ name, status: 'ok' as const, findings: 0 })),
    findings,
    ...over,
  };
  base.digest ||= createHash('sha256')
    .update(`${++uploads}:${JSON.stringify(base)}`)
    .digest('hex');
  return base;
}
