import type { FindingDraft } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import type { FileEntry, ScanContext, Scanner } from '../../core/scanner.js';
import { assessFreshness } from '../../vulndb/freshness.js';
import { vulnDbPath } from '../../vulndb/paths.js';
import { VulnStore } from '../../vulndb/store.js';
import { collectPackages } from './collect.js';
import { licenseDrafts } from './license-findings.js';
import { LICENSE_RULES, LICENSE_SOURCES } from './licenses/index.js';
import { parserFor } from './lockfiles/index.js';
import { parseScaOptions, type ScaOptions } from './options.js';
import { assessRisk, RISK_RULES, toFindingDraft } from './risk/index.js';
import { VULNDB_STALE, VULNERABLE_DEPENDENCY } from './rules.js';
import { sbomPackages } from './sbom-input.js';
import { vulnerabilityDrafts } from './vulnerabilities.js';

export const scaScanner: Scanner = {
  name: 'sca',
  description:
    'Dependencies: known vulnerabilities (OSV), licenses and package risk, from lockfiles, manifests and SBOMs',
  rules: () => [VULNERABLE_DEPENDENCY, VULNDB_STALE, ...LICENSE_RULES, ...RISK_RULES],
  wants: (f: FileEntry) => parserFor(f.path) !== undefined || LICENSE_SOURCES.some((s) => s.matches(f.path)),
  async *scan(ctx: ScanContext): AsyncIterable<FindingDraft> {
    const opts = parseScaOptions(ctx.options);
    const all = ctx.scan.sbom ? sbomPackages(ctx.scan.sbom, ctx) : collectPackages(ctx);
    const packages = opts.dev ? all : all.filter((p) => !p.dev);
    if (packages.length === 0) return;
    yield* vulnerabilityStage(packages, opts, ctx);
    yield* licenseDrafts(packages, opts.licenses, ctx);
    yield* await riskDrafts(packages, opts, ctx);
  },
};

function vulnerabilityStage(packages: Package[], opts: ScaOptions, ctx: ScanContext): FindingDraft[] {
  const store = VulnStore.open(vulnDbPath(), { readonly: true });
  try {
    const drafts = freshnessDrafts(store, packages, opts, ctx);
    return [...drafts, ...vulnerabilityDrafts(packages, store)];
  } finally {
    store.close();
  }
}

/** A scan against an empty or old database silently misses vulnerabilities: say so, or block. */
function freshnessDrafts(
  store: VulnStore,
  packages: Package[],
  opts: ScaOptions,
  ctx: ScanContext,
): FindingDraft[] {
  const ecosystems = [...new Set(packages.map((p) => p.ecosystem))];
  const f = assessFreshness(store, opts.database.max_age_days, { ecosystems });
  if (f.state === 'fresh' || !f.message) return [];
  if (opts.database.stale === 'warn') {
    ctx.report({ level: 'warning', code: `vulndb-${f.state}`, message: f.message });
    return [];
  }
  return [
    {
      ruleId: VULNDB_STALE.id,
      message: f.message,
      location: { path: packages[0]!.source.path },
      fingerprintContent: 'vulndb',
    },
  ];
}

/** Typosquats offline; registry look-ups only when asked (`sca.risk.online` or `--online`). */
async function riskDrafts(packages: Package[], opts: ScaOptions, ctx: ScanContext): Promise<FindingDraft[]> {
  const { findings, diagnostics } = await assessRisk(packages, {
    online: opts.risk.online || ctx.scan.online === true,
    newerThanDays: opts.risk.newer_than_days,
    registries: opts.risk.registries,
    typosquat: opts.risk.typosquat,
    signal: ctx.signal,
  });
  for (const d of diagnostics) ctx.report(d);
  return findings.map(toFindingDraft);
}
