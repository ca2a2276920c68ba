import type { Diagnostic } from '../../core/diagnostic.js';
import type { FindingDraft } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import { assessFreshness } from '../../vulndb/freshness.js';
import { vulnDbPath } from '../../vulndb/paths.js';
import { VulnStore } from '../../vulndb/store.js';
import type { ScaOptions } from '../sca/options.js';
import { vulnerabilityDraft, vulnerabilityHits } from '../sca/vulnerabilities.js';
import { hardeningDraft, hardeningInput, runHardeningChecks } from './hardening/index.js';
import { fileLayer, layerProperties, withLayer } from './layer-origin.js';
import { isMatchable, osVulnerabilityDrafts } from './os-vulnerabilities.js';
import { type ImageInventory, type ReadInventoryOptions, readImageInventory } from './read-image.js';
import { IMAGE_VULNDB_STALE, VULNERABLE_IMAGE_LIBRARY } from './rules.js';
import { distributionPackages } from './third-party.js';

export interface ImageScanOptions extends ReadInventoryOptions {
  /** `sca.database` of the policy: the same database, judged by the same age limit. */
  database: ScaOptions['database'];
}

export interface ImageScan {
  inventory: ImageInventory;
  drafts: FindingDraft[];
  diagnostics: Diagnostic[];
}

/** Every package of the image, OS packages first: what its SBOM lists. */
export function imagePackages(inventory: ImageInventory): Package[] {
  return [...inventory.osPackages, ...inventory.langPackages];
}

/** The image's vulnerable packages and hardening problems, each pointed at the layer behind it. */
export async function scanImage(path: string, options: ImageScanOptions): Promise<ImageScan> {
  const inventory = await readImageInventory(path, options);
  const diagnostics = [...inventory.diagnostics];
  const { image, filesystem } = inventory;
  const drafts = [
    ...hardeningDrafts(inventory),
    ...inventory.secrets.drafts(image, filesystem.fs),
    ...vulnerabilityStage(inventory, options, diagnostics),
  ];
  return { inventory, drafts, diagnostics };
}

function hardeningDrafts(inv: ImageInventory): FindingDraft[] {
  const input = hardeningInput(inv.image, inv.filesystem, { os: inv.os, packages: inv.osPackages });
  return runHardeningChecks(input).map((r) => {
    const draft = hardeningDraft(r);
    return { ...draft, properties: { ...draft.properties, ...layerProperties(inv.image, r.layer) } };
  });
}

function vulnerabilityStage(inv: ImageInventory, options: ImageScanOptions, diagnostics: Diagnostic[]) {
  const packages = imagePackages(inv);
  if (packages.length === 0) return [];
  const store = VulnStore.open(vulnDbPath(), { readonly: true });
  try {
    return [
      ...freshnessDrafts(store, inv, options.database, diagnostics),
      ...osDrafts(inv, store, diagnostics),
      ...libraryDrafts(inv, store),
    ];
  } finally {
    store.close();
  }
}

/** The ecosystems advisories are looked up in: the distribution's (when it has one) and the languages'. */
function ecosystems(inv: ImageInventory): string[] {
  const lang = inv.langPackages.map((p) => p.ecosystem);
  return [...new Set([...(isMatchable(inv.os) ? [inv.os.ecosystem] : []), ...lang])];
}

/** As the `sca` scanner does: an empty or old database is a warning, or a finding with `stale: fail`. */
function freshnessDrafts(
  store: VulnStore,
  inv: ImageInventory,
  database: ImageScanOptions['database'],
  diagnostics: Diagnostic[],
): FindingDraft[] {
  const f = assessFreshness(store, database.max_age_days, { ecosystems: ecosystems(inv) });
  if (f.state === 'fresh' || !f.message) return [];
  if (database.stale === 'warn') {
    diagnostics.push({ level: 'warning', code: `vulndb-${f.state}`, message: f.message });
    return [];
  }
  const path = inv.osPackages[0]?.source.path ?? inv.langPackages[0]!.source.path;
  return [
    { ruleId: IMAGE_VULNDB_STALE.id, message: f.message, location: { path }, fingerprintContent: 'vulndb' },
  ];
}

function osDrafts(inv: ImageInventory, store: VulnStore, diagnostics: Diagnostic[]): FindingDraft[] {
  if (!isMatchable(inv.os)) return [];
  const own = distributionPackages(inv.os, inv.osPackages);
  diagnostics.push(...own.diagnostics);
  return osVulnerabilityDrafts(inv.os, own.covered, store).map(({ group, draft }) => {
    const layers = group.map((p) => inv.watcher.osPackageLayer(p, inv.filesystem.fs));
    const known = layers.filter((l) => l !== undefined);
    return withLayer(draft, inv.image, known.length > 0 ? Math.min(...known) : undefined);
  });
}

/** Matched as the `sca` scanner matches lockfiles; a version that is only a guess is never matched. */
function libraryDrafts(inv: ImageInventory, store: VulnStore): FindingDraft[] {
  return inv.langPackages.flatMap((pkg) => {
    if (!pkg.resolved || !pkg.version) return [];
    const query = { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version };
    const layer = fileLayer(inv.filesystem.fs, pkg.source.path);
    return vulnerabilityHits(query, store).map((hit) => {
      // A jar named only by its file name may be misnamed: the finding says how sure it is.
      const draft: FindingDraft = {
        ...vulnerabilityDraft(pkg, hit),
        ruleId: VULNERABLE_IMAGE_LIBRARY.id,
        ...(pkg.confidence === 'high' ? {} : { confidence: pkg.confidence }),
      };
      return withLayer(draft, inv.image, layer);
    });
  });
}
