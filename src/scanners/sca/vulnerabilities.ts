import type { FindingDraft } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import type { Severity } from '../../core/severity.js';
import { type AdvisorySeverity, severityOf } from '../../vulndb/cvss/index.js';
import {
  type AffectedMatch,
  affects,
  mergeAliases,
  type PackageQuery,
  type VulnerabilityGroup,
} from '../../vulndb/match.js';
import type { OsvRecord } from '../../vulndb/osv.js';
import type { VulnStore } from '../../vulndb/store.js';
import { canonicalTime } from '../../vulndb/time.js';
import { orderingFor } from '../../vulndb/versions/index.js';
import { packageLocation } from './location.js';
import { VULNERABLE_DEPENDENCY } from './rules.js';

export interface Hit {
  group: VulnerabilityGroup;
  matches: AffectedMatch[];
}

/**
 * Records that affect one exact package version, grouped so aliases make one vulnerability. A
 * query with a release (OS packages) only gets that release's advisories.
 */
export function vulnerabilityHits(query: PackageQuery, store: VulnStore): Hit[] {
  const matches = new Map<string, AffectedMatch>();
  const records: OsvRecord[] = [];
  for (const record of store.recordsFor(query.ecosystem, query.name)) {
    const m = affects(record, query);
    if (!m) continue;
    matches.set(record.id, m);
    records.push(record);
  }
  return mergeAliases(records).map((group) => ({
    group,
    matches: group.records.map((r) => matches.get(r.id)!),
  }));
}

/**
 * One finding per vulnerability per package version per lockfile. Versions that are only
 * ranges are never matched: a guess would be a false positive or a false "clean".
 */
export function vulnerabilityDrafts(packages: readonly Package[], store: VulnStore): FindingDraft[] {
  const byVersion = new Map<string, Hit[]>();
  const drafts: FindingDraft[] = [];
  for (const pkg of packages) {
    if (!pkg.resolved || !pkg.version) continue;
    const key = `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`;
    let hits = byVersion.get(key);
    if (!hits) {
      hits = vulnerabilityHits({ ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version }, store);
      byVersion.set(key, hits);
    }
    for (const hit of hits) drafts.push(vulnerabilityDraft(pkg, hit));
  }
  return drafts;
}

const CVSS_TO_SEVERITY: Record<AdvisorySeverity['severity'], Severity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  none: 'info',
};

/** The group's best-rated record speaks for its severity; unknown severity is medium, and says so. */
function groupSeverity(group: VulnerabilityGroup): AdvisorySeverity | undefined {
  const primary = group.records.find((r) => r.id === group.id);
  return (primary && severityOf(primary)) ?? group.records.map(severityOf).find((s) => s !== undefined);
}

/** Fixed versions of every record in the group, deduplicated, in the matcher's order. */
function fixedVersions(hit: Hit): string[] {
  return [...new Set(hit.matches.flatMap((m) => m.fixed))];
}

/**
 * The fingerprint must survive a new alias record arriving (which can change the primary id):
 * the lowest CVE id is the most stable name a vulnerability has, else the primary id.
 */
export function stableId(group: VulnerabilityGroup): string {
  const cves = [group.id, ...group.aliases].filter((id) => id.startsWith('CVE-')).sort();
  return cves[0] ?? group.id;
}

/** The upgrade that applies: the lowest fixed version above the installed one, then the others. */
function fixAdvice(pkg: Package, fixed: readonly string[]): string {
  if (fixed.length === 0) return 'no fixed version published';
  const order = orderingFor(pkg.ecosystem);
  const above = order?.isValid(pkg.version)
    ? fixed.filter((v) => order.isValid(v) && order.compare(v, pkg.version) > 0)
    : [];
  if (above.length === 0) return `fixed in ${fixed.join(', ')}`;
  const others = fixed.filter((v) => v !== above[0]);
  return `upgrade to ${above[0]}${others.length > 0 ? ` (fixed in ${others.join(', ')} on other release lines)` : ''}`;
}

/** The earliest publication of any record of the group: when the vulnerability became public. */
function firstPublished(group: VulnerabilityGroup): string | undefined {
  const times = group.records.map((r) => canonicalTime(r.published)).filter((t) => t !== undefined);
  return times.sort()[0];
}

/** The names people search for: the CVE first, then the others, a few at most. */
function aliasText(group: VulnerabilityGroup): string {
  const sorted = [...group.aliases].sort(
    (a, b) => Number(!a.startsWith('CVE-')) - Number(!b.startsWith('CVE-')),
  );
  const shown = sorted.slice(0, 3).join(', ');
  return shown ? ` (${shown}${sorted.length > 3 ? ', …' : ''})` : '';
}

/**
 * The finding for one package and one vulnerability; `subject` is how the message names what is
 * affected (an OS finding names the binary packages built from the affected source).
 */
export function vulnerabilityDraft(
  pkg: Package,
  hit: Hit,
  subject = `${pkg.name}@${pkg.version}`,
): FindingDraft {
  const { group } = hit;
  const sev = groupSeverity(group);
  const fixed = fixedVersions(hit);
  const summary = group.records.find((r) => r.id === group.id)?.summary ?? group.records[0]?.summary ?? '';
  const rating = sev ? '' : ' Severity not rated by the advisory; treated as medium.';
  const published = firstPublished(group);
  const draft: FindingDraft = {
    ruleId: VULNERABLE_DEPENDENCY.id,
    message: `${subject} is affected by ${group.id}${aliasText(group)}${summary ? `: ${summary}` : ''}; ${fixAdvice(pkg, fixed)}.${rating}`,
    location: packageLocation(pkg),
    fingerprintContent: `${pkg.purl.split('?')[0]}|${stableId(group)}`,
    severity: sev ? CVSS_TO_SEVERITY[sev.severity] : 'medium',
    vulnerability: {
      id: group.id,
      aliases: group.aliases,
      package: { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version, purl: pkg.purl },
      fixedVersions: fixed,
      ...(sev?.vector && sev.score !== undefined && sev.version
        ? { cvss: { version: sev.version, vector: sev.vector, score: sev.score } }
        : {}),
      ...(published ? { published } : {}),
    },
    properties: {
      ecosystem: pkg.ecosystem,
      severitySource: sev?.source ?? 'unknown',
      ...(pkg.direct !== undefined ? { direct: pkg.direct } : {}),
      ...(pkg.dev !== undefined ? { dev: pkg.dev } : {}),
    },
  };
  return draft;
}
