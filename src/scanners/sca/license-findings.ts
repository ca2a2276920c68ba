import type { FindingDraft } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import type { ScanContext } from '../../core/scanner.js';
import {
  evaluateLicense,
  LICENSE_DENIED_RULE,
  LICENSE_UNKNOWN_RULE,
  licensePolicyProblems,
  packageLicenses,
  purlWithoutQualifiers,
} from './licenses/index.js';
import { packageLocation } from './location.js';
import type { ScaOptions } from './options.js';

/** SPDX operators bind AND tighter than OR: each declared license is one parenthesised term. */
function combined(licenses: readonly string[]): string {
  return licenses.length === 1 ? licenses[0]! : licenses.map((l) => `(${l})`).join(' AND ');
}

/**
 * License policy findings: only when the policy names licenses (without a policy, every
 * lockfile that records no license would be noise). Lockfile data first, then the manifests
 * of installed packages: those the walk found, and those the lockfiles lead to in
 * node_modules or a virtualenv even when those folders are gitignored.
 */
export function licenseDrafts(
  packages: readonly Package[],
  opts: ScaOptions['licenses'],
  ctx: ScanContext,
): FindingDraft[] {
  const policy = { allow: opts.allow, deny: opts.deny };
  if (policy.allow.length === 0 && policy.deny.length === 0) return [];
  const problems = licensePolicyProblems(policy);
  if (problems.length > 0) throw new Error(`gatehouse.yml: sca.licenses: ${problems.join('; ')}`);
  const onDisk = packageLicenses(
    ctx.root,
    ctx.files.map((f) => f.path),
    packages,
    {
      onWarning: (path, message) => ctx.report({ level: 'warning', code: 'license-manifest', path, message }),
    },
  );
  const drafts: FindingDraft[] = [];
  for (const pkg of packages) {
    const key = purlWithoutQualifiers(pkg.purl);
    const licenses = pkg.licenses?.length ? pkg.licenses : ((key ? onDisk.get(key) : undefined) ?? []);
    const draft = judge(pkg, licenses, policy, opts.unknown);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function judge(
  pkg: Package,
  licenses: readonly string[],
  policy: { allow: string[]; deny: string[] },
  unknown: 'report' | 'ignore',
): FindingDraft | undefined {
  const verdict = licenses.length === 0 ? 'unknown' : evaluateLicense(combined(licenses), policy);
  if (verdict === 'allowed' || (verdict === 'unknown' && unknown === 'ignore')) return undefined;
  const shown = licenses.length > 0 ? combined(licenses) : 'no license declared';
  const rule = verdict === 'denied' ? LICENSE_DENIED_RULE : LICENSE_UNKNOWN_RULE;
  const message =
    verdict === 'denied'
      ? `${pkg.name}@${pkg.version || pkg.constraint || '?'} is licensed ${shown}, which the license policy does not allow`
      : `${pkg.name}@${pkg.version || pkg.constraint || '?'}: license unknown (${shown}); the policy cannot be checked`;
  return {
    ruleId: rule.id,
    message,
    location: packageLocation(pkg),
    fingerprintContent: `${pkg.purl.split('?')[0]}|${shown}`,
    properties: { license: shown, ecosystem: pkg.ecosystem },
  };
}
