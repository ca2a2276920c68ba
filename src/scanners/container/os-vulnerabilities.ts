import type { FindingDraft } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import type { VulnStore } from '../../vulndb/store.js';
import { stableId, vulnerabilityDraft, vulnerabilityHits } from '../sca/vulnerabilities.js';
import type { OsInfo, OsPackage } from './os-packages/index.js';
import { VULNERABLE_OS_PACKAGE } from './rules.js';

/** A distribution that can be matched: it has an OSV ecosystem and a known release. */
export type MatchableOs = OsInfo & Required<Pick<OsInfo, 'ecosystem' | 'release'>>;

export function isMatchable(os: { known: boolean }): os is MatchableOs {
  const info = os as OsInfo;
  return os.known && info.ecosystem !== undefined && info.release !== undefined;
}

/** The binary packages built from one source package version. */
interface SourceGroup {
  name: string;
  version: string;
  binaries: OsPackage[];
}

function bySource(packages: readonly OsPackage[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const pkg of packages) {
    const key = `${pkg.sourceName}\0${pkg.sourceVersion}`;
    const group = groups.get(key) ?? { name: pkg.sourceName, version: pkg.sourceVersion, binaries: [] };
    group.binaries.push(pkg);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `openssl@3.0.11-1~deb12u1`, or `libssl3, openssl (source openssl@3.0.11-1~deb12u1)`. */
function subject(group: SourceGroup): string {
  const source = `${group.name}@${group.version}`;
  const names = [...new Set(group.binaries.map((b) => b.name))].sort();
  return names.length === 1 && names[0] === group.name ? source : `${names.join(', ')} (source ${source})`;
}

/** The source package as a Package, so the `sca` finding's wording, severity and fix advice apply. */
function sourcePackage(os: MatchableOs, group: SourceGroup): Package {
  const first = group.binaries[0]!;
  return {
    ecosystem: os.ecosystem,
    name: group.name,
    version: group.version,
    resolved: true,
    purl: first.purl,
    source: first.source,
    key: `${group.name}@${group.version}`,
  };
}

/**
 * One finding per vulnerability per source package version. Distribution advisories name source
 * packages and releases (DSA/DLA for `openssl` in Debian 12), so the query is the source name and
 * version in the image's release; the finding lists the installed binary packages, which come
 * with it so the caller can point it at the layer that installed them.
 */
export function osVulnerabilityDrafts(
  os: MatchableOs,
  packages: readonly OsPackage[],
  store: VulnStore,
): { group: OsPackage[]; draft: FindingDraft }[] {
  const out: { group: OsPackage[]; draft: FindingDraft }[] = [];
  for (const group of bySource(packages)) {
    const query = { ecosystem: os.ecosystem, name: group.name, version: group.version, release: os.release };
    for (const hit of vulnerabilityHits(query, store)) {
      const draft = vulnerabilityDraft(sourcePackage(os, group), hit, subject(group));
      out.push({ group: group.binaries, draft: osDraft(os, group, draft, stableId(hit.group)) });
    }
  }
  return out;
}

function osDraft(os: MatchableOs, group: SourceGroup, draft: FindingDraft, id: string): FindingDraft {
  return {
    ...draft,
    ruleId: VULNERABLE_OS_PACKAGE.id,
    fingerprintContent: `${os.ecosystem}:${os.release}|${group.name}@${group.version}|${id}`,
    properties: {
      ...draft.properties,
      distribution: `${os.ecosystem}:${os.release}`,
      sourcePackage: group.name,
      sourceVersion: group.version,
      binaryPackages: [...new Set(group.binaries.map((b) => `${b.name}@${b.version}`))].sort().join(', '),
    },
  };
}
