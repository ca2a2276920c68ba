import type { FindingDraft } from '../../core/finding.js';
import { declarationOf, type Package } from '../../core/package.js';

/**
 * Where a finding about a package points: its entry, in an included file when it is written
 * there. The fingerprint hashes this path, so a pin that two requirements files include is
 * one finding, not one per file that includes it.
 */
export function packageLocation(pkg: Pick<Package, 'source' | 'declaredIn'>): FindingDraft['location'] {
  const at = declarationOf(pkg);
  return { path: at.path, ...(at.line !== undefined ? { startLine: at.line } : {}) };
}
