import { resolve } from 'node:path';
import { enrich } from '../../core/enrich.js';
import { gitTarget } from '../../core/git-info.js';
import type { ScannerRun, ScanResult } from '../../core/result.js';
import { compareFindings, dedupe } from '../../core/sort.js';
import { SCANNER } from './hardening/rule.js';
import { IMAGE_RULES } from './rules.js';
import type { ImageScan } from './scan-image.js';

/**
 * The scan result an image scan makes, shaped as a directory scan's so the gate, the formats and
 * the upload take it unchanged. The repository facts are those of the working directory: the
 * pipeline that built the image runs there.
 */
export function imageScanResult(scan: ImageScan, path: string, startedAt: Date): ScanResult {
  const rules = new Map(IMAGE_RULES.map((r) => [r.id, r]));
  const findings = dedupe(
    scan.drafts.map((d) => {
      const rule = rules.get(d.ruleId);
      if (!rule) throw new Error(`the image scan raised unknown rule ${d.ruleId}`);
      return enrich(d, rule);
    }),
  ).sort(compareFindings);
  const { image, filesystem } = scan.inventory;
  const bytes = image.layers.reduce((n, l) => n + l.size, 0);
  const run: ScannerRun = {
    name: SCANNER,
    status: scan.diagnostics.some((d) => d.level === 'error') ? 'partial' : 'ok',
    durationMs: Date.now() - startedAt.getTime(),
    files: filesystem.fs.size,
    bytes,
    findings: findings.length,
  };
  return {
    target: { ...gitTarget(process.cwd()), root: resolve(path) },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    findings,
    scanners: [run],
    diagnostics: scan.diagnostics.map((d) => ({ ...d, scanner: SCANNER })),
    rules: [...IMAGE_RULES].sort((a, b) => (a.id < b.id ? -1 : 1)),
    discovery: { files: filesystem.fs.size, bytes, skipped: 0 },
  };
}
