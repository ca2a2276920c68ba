import type { FindingDraft } from '../../../core/finding.js';
import type { Ecosystem, Package } from '../../../core/package.js';
import { cacheDir as defaultCacheDir } from '../../../vulndb/paths.js';
import { packageLocation } from '../location.js';
import { checkTyposquat, type RiskFinding } from './checks.js';
import { checkOnline, type RiskDiagnostic } from './online.js';
import { POPULAR_DIR, popularList } from './popular.js';
import { type RegistryUrls, registryClients } from './registry/index.js';
import { type TyposquatIndex, typosquatIndex } from './typosquat.js';

export type { RiskFinding } from './checks.js';
export type { RiskDiagnostic } from './online.js';
export type { RegistryUrls } from './registry/index.js';
export { RISK_RULES } from './rules.js';

export interface RiskOptions {
  /** Ask the registries (package exists, publish dates, install scripts); off unless asked. */
  online: boolean;
  /** A package or version published fewer days ago than this is reported. */
  newerThanDays: number;
  registries?: RegistryUrls;
  /** Defaults to Gatehouse's cache directory; registry answers go under `registry/`. */
  cacheDir?: string;
  signal?: AbortSignal;
  /** The offline typosquat check (default on). */
  typosquat?: boolean;
  /** Also check transitive dependencies for typosquats: by default that is their dependents' business. */
  typosquatTransitive?: boolean;
  /** Per registry look-up (default 5 s). */
  timeoutMs?: number;
  /** Registry look-ups in flight at once (default 8). */
  concurrency?: number;
  /** How long a cached registry answer is trusted (default 24 h). */
  cacheTtlMs?: number;
  /** Largest registry answer read (default 64 MiB: the biggest npm documents are tens of MB). */
  maxResponseBytes?: number;
  /** The clock, for tests. */
  now?: Date;
  /** Where the popular-package lists are read from, for tests. */
  popularDir?: string;
}

export interface RiskResult {
  findings: RiskFinding[];
  diagnostics: RiskDiagnostic[];
}

const HOUR_MS = 60 * 60 * 1000;

/** Runs the package-risk checks over the packages of a scan. */
export async function assessRisk(packages: readonly Package[], opts: RiskOptions): Promise<RiskResult> {
  const indexes = new Indexes(opts.popularDir ?? POPULAR_DIR);
  const findings =
    opts.typosquat === false ? [] : typosquats(packages, indexes, opts.typosquatTransitive ?? false);
  const diagnostics = indexes.diagnostics();
  if (!opts.online || opts.signal?.aborted) return { findings, diagnostics };
  const online = await checkOnline(packages, {
    clients: registryClients(opts.registries),
    newerThanDays: opts.newerThanDays,
    cacheDir: opts.cacheDir ?? defaultCacheDir(),
    cacheTtlMs: opts.cacheTtlMs ?? 24 * HOUR_MS,
    timeoutMs: opts.timeoutMs ?? 5000,
    maxBytes: opts.maxResponseBytes ?? 64 * 1024 * 1024,
    concurrency: opts.concurrency ?? 8,
    now: opts.now ?? new Date(),
    signal: opts.signal,
    isPopular: (pkg) => indexes.get(pkg.ecosystem)?.isPopular(pkg.name) ?? false,
  });
  return {
    findings: [...findings, ...online.findings],
    diagnostics: [...diagnostics, ...online.diagnostics],
  };
}

function typosquats(packages: readonly Package[], indexes: Indexes, transitive: boolean): RiskFinding[] {
  const seen = new Set<string>();
  const out: RiskFinding[] = [];
  for (const pkg of packages) {
    // Unknown (`undefined`) counts as direct: formats that cannot tell list what the project declared.
    if (pkg.direct === false && !transitive) continue;
    const key = JSON.stringify([pkg.ecosystem, pkg.name, pkg.source.path]);
    if (seen.has(key)) continue;
    seen.add(key);
    const index = indexes.get(pkg.ecosystem);
    const found = index && checkTyposquat(pkg, index);
    if (found) out.push(found);
  }
  return out;
}

/** The typosquat index of each ecosystem a scan meets, and the ecosystems that have no list. */
class Indexes {
  private readonly built = new Map<Ecosystem, TyposquatIndex | undefined>();
  private readonly problems: RiskDiagnostic[] = [];

  constructor(private readonly dir: string) {}

  get(ecosystem: Ecosystem): TyposquatIndex | undefined {
    if (!this.built.has(ecosystem)) this.built.set(ecosystem, this.build(ecosystem));
    return this.built.get(ecosystem);
  }

  private build(ecosystem: Ecosystem): TyposquatIndex | undefined {
    try {
      const list = popularList(ecosystem, this.dir);
      return list && typosquatIndex(list);
    } catch (e) {
      this.problems.push({
        level: 'error',
        code: 'popular-list-unreadable',
        message: `the popular ${ecosystem} packages could not be read, so no typosquat check for ${ecosystem}: ${(e as Error).message}`,
      });
      return undefined;
    }
  }

  diagnostics(): RiskDiagnostic[] {
    const missing = [...this.built].filter(([, index]) => index === undefined).map(([e]) => e);
    const note: RiskDiagnostic[] = missing.length
      ? [
          {
            level: 'info',
            code: 'typosquat-unavailable',
            message: `no list of popular packages for ${missing.join(', ')}: typosquats not checked there`,
          },
        ]
      : [];
    return [...this.problems, ...note];
  }
}

/** The finding as the scanner yields it: located at the entry that declared the package. */
export function toFindingDraft(f: RiskFinding): FindingDraft {
  const { ecosystem, name, version, purl } = f.package;
  return {
    ruleId: f.ruleId,
    message: f.message,
    location: packageLocation(f.package),
    fingerprintContent: f.fingerprintContent,
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.confidence ? { confidence: f.confidence } : {}),
    properties: { ecosystem, package: name, version, purl },
  };
}
