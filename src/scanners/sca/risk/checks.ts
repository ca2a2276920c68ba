import { PackageURL } from 'packageurl-js';
import type { Package } from '../../../core/package.js';
import type { Confidence, Severity } from '../../../core/severity.js';
import type { PopularPackage } from './popular.js';
import type { RegistryFacts } from './registry/index.js';
import { INSTALL_SCRIPTS, PACKAGE_NOT_FOUND, PACKAGE_TOO_NEW, TYPOSQUAT } from './rules.js';
import type { TyposquatIndex } from './typosquat.js';

/** One package-risk finding: the package, the rule, and the evidence in words. */
export interface RiskFinding {
  ruleId: string;
  package: Package;
  message: string;
  /** The package without its version, and the rule: a new version of the same package is the same finding. */
  fingerprintContent: string;
  /** Set when this finding is graver (or milder) than its rule's default. */
  severity?: Severity;
  confidence?: Confidence;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function finding(
  ruleId: string,
  pkg: Package,
  message: string,
  extra: Partial<RiskFinding> = {},
): RiskFinding {
  return { ruleId, package: pkg, message, fingerprintContent: `${versionlessPurl(pkg)} ${ruleId}`, ...extra };
}

/** The purl with version, qualifiers and subpath removed; the ecosystem and name when the purl does not parse. */
export function versionlessPurl(pkg: Package): string {
  try {
    const p = PackageURL.fromString(pkg.purl);
    return new PackageURL(p.type, p.namespace, p.name, undefined, undefined, undefined).toString();
  } catch {
    return `${pkg.ecosystem}:${pkg.name}`;
  }
}

function popularity(p: PopularPackage, ecosystem: string): string {
  if (p.downloadsPerMonth === undefined) return `#${p.rank} by downloads on ${ecosystem}`;
  const [n, unit] =
    p.downloadsPerMonth >= 1e6 ? [p.downloadsPerMonth / 1e6, 'M'] : [p.downloadsPerMonth / 1e3, 'k'];
  return `${Math.round(n)}${unit} downloads/month`;
}

export function checkTyposquat(pkg: Package, index: TyposquatIndex): RiskFinding | undefined {
  const m = index.match(pkg.name);
  if (!m) return undefined;
  const relation = m.kind === 'edit' ? 'is one edit away from' : 'looks like';
  const target = `the popular ${pkg.ecosystem} package \`${m.target.name}\` (${popularity(m.target, pkg.ecosystem)})`;
  return finding(TYPOSQUAT, pkg, `\`${pkg.name}\` ${relation} ${target}: ${m.evidence}.`);
}

export function checkNotFound(pkg: Package, facts: RegistryFacts): RiskFinding | undefined {
  if (facts.securityPlaceholder)
    return finding(
      PACKAGE_NOT_FOUND,
      pkg,
      `\`${pkg.name}\` was taken down from ${pkg.ecosystem} as malicious: the registry now serves only a security placeholder.`,
      { severity: 'critical', confidence: 'high' },
    );
  if (facts.exists) return undefined;
  const what = facts.unpublished ? 'was unpublished from' : 'does not exist on';
  return finding(
    PACKAGE_NOT_FOUND,
    pkg,
    `\`${pkg.name}\` ${what} ${pkg.ecosystem}: either the name was made up (code assistants invent plausible ones) or it is private, and anyone can publish a package by that name.`,
  );
}

function ago(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** Reports the package when it, or else the installed version, is younger than `days`. */
export function checkTooNew(
  pkg: Package,
  facts: RegistryFacts,
  now: Date,
  days: number,
): RiskFinding | undefined {
  if (!facts.exists) return undefined;
  const young = (iso: string | undefined): iso is string =>
    iso !== undefined && now.getTime() - Date.parse(iso) < days * DAY_MS;
  const limit = `less than the ${days} days new releases are given to be vetted`;
  if (young(facts.created))
    return finding(
      PACKAGE_TOO_NEW,
      pkg,
      `\`${pkg.name}\` first appeared on ${pkg.ecosystem} ${ago(facts.created, now)} (${facts.created}), ${limit}.`,
    );
  if (young(facts.versionPublished))
    return finding(
      PACKAGE_TOO_NEW,
      pkg,
      `\`${pkg.name}@${pkg.version}\` was published ${ago(facts.versionPublished, now)} (${facts.versionPublished}), ${limit}.`,
    );
  return undefined;
}

/** npm only, and only for packages outside the popular list: popular ones with scripts are known quantities. */
export function checkInstallScripts(
  pkg: Package,
  facts: RegistryFacts,
  popular: boolean,
): RiskFinding | undefined {
  if (popular || !facts.exists || !facts.hasInstallScript) return undefined;
  const scripts = facts.installScripts?.length
    ? facts.installScripts.map((s) => `\`${s}\``).join(', ')
    : 'an install script';
  return finding(
    INSTALL_SCRIPTS,
    pkg,
    `\`${pkg.name}@${pkg.version}\` runs ${scripts} when installed, with the rights of whoever installs it.`,
  );
}
