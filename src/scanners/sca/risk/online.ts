import { join } from 'node:path';
import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Ecosystem, Package } from '../../../core/package.js';
import { checkInstallScripts, checkNotFound, checkTooNew, type RiskFinding } from './checks.js';
import {
  DiskCache,
  type Fetch,
  getJson,
  type HttpLimits,
  isRegistryFacts,
  type LookupRequest,
  limiter,
  type RegistryClient,
  RegistryError,
  type RegistryFacts,
} from './registry/index.js';

export type RiskDiagnostic = Omit<Diagnostic, 'scanner'>;

export interface OnlineOptions {
  clients: ReadonlyMap<Ecosystem, RegistryClient>;
  newerThanDays: number;
  /** Where answers are cached; undefined for no cache. */
  cacheDir?: string;
  cacheTtlMs: number;
  timeoutMs: number;
  maxBytes: number;
  concurrency: number;
  now: Date;
  signal?: AbortSignal;
  isPopular(pkg: Package): boolean;
}

interface Lookup {
  client: RegistryClient;
  request: LookupRequest;
  packages: Package[];
}

/**
 * Asks each package's registry about it (once per name and version, a few at a time, through
 * the disk cache) and applies the online checks to the answers. A look-up that fails becomes
 * a diagnostic and no finding: an unreachable registry proves nothing about a package.
 */
export async function checkOnline(
  packages: readonly Package[],
  opts: OnlineOptions,
): Promise<{ findings: RiskFinding[]; diagnostics: RiskDiagnostic[] }> {
  const { lookups, unsupported } = planLookups(packages, opts);
  const diagnostics: RiskDiagnostic[] = unsupported.size ? [unsupportedDiagnostic(unsupported)] : [];
  const cache = openCache(opts, diagnostics);
  const run = limiter(opts.concurrency);
  const failures = new Map<Ecosystem, { count: number; first: string }>();
  const findings: RiskFinding[] = [];
  await Promise.all(
    lookups.map((l) =>
      run(async () => {
        try {
          const facts = await lookUp(l, opts, cache);
          for (const pkg of l.packages) findings.push(...judge(pkg, facts, opts));
        } catch (e) {
          const f = failures.get(l.client.ecosystem) ?? { count: 0, first: (e as Error).message };
          failures.set(l.client.ecosystem, { ...f, count: f.count + 1 });
        }
      }),
    ),
  );
  for (const [ecosystem, f] of failures) diagnostics.push(failureDiagnostic(ecosystem, f, lookups));
  return { findings, diagnostics };
}

function planLookups(packages: readonly Package[], opts: OnlineOptions) {
  const byKey = new Map<string, Lookup>();
  const unsupported = new Set<Ecosystem>();
  const recentSince = new Date(opts.now.getTime() - opts.newerThanDays * 24 * 60 * 60 * 1000);
  for (const pkg of packages) {
    const client = opts.clients.get(pkg.ecosystem);
    if (!client) {
      unsupported.add(pkg.ecosystem);
      continue;
    }
    const wantInstallScripts = !opts.isPopular(pkg);
    const key = JSON.stringify([client.base, pkg.name, pkg.version, wantInstallScripts]);
    const known = byKey.get(key);
    if (known) known.packages.push(pkg);
    else
      byKey.set(key, {
        client,
        request: { name: pkg.name, version: pkg.version, recentSince, wantInstallScripts },
        packages: [pkg],
      });
  }
  return { lookups: [...byKey.values()], unsupported };
}

function openCache(opts: OnlineOptions, diagnostics: RiskDiagnostic[]) {
  if (opts.cacheDir === undefined) return undefined;
  const disk = new DiskCache(join(opts.cacheDir, 'registry'), opts.cacheTtlMs, () => opts.now.getTime());
  let broken = false;
  return {
    get: (key: string) => disk.get(key),
    set(key: string, value: unknown) {
      if (broken) return;
      try {
        disk.set(key, value);
      } catch (e) {
        broken = true;
        diagnostics.push({
          level: 'warning',
          code: 'registry-cache-unwritable',
          message: `registry answers are not cached: ${(e as Error).message}`,
        });
      }
    },
  };
}

async function lookUp(
  l: Lookup,
  opts: OnlineOptions,
  cache: ReturnType<typeof openCache>,
): Promise<RegistryFacts> {
  // The instant that decides "too new" moves with every scan; the cached answer stays good for a day.
  const key = JSON.stringify([
    l.client.ecosystem,
    l.client.base,
    l.request.name,
    l.request.version,
    l.request.wantInstallScripts,
  ]);
  const cached = cache?.get(key);
  if (isRegistryFacts(cached)) return cached;
  if (opts.signal?.aborted) throw new RegistryError('the scan was cancelled');
  const limits: HttpLimits = { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, signal: opts.signal };
  const fetch: Fetch = (url, headers) => getJson(url, headers, limits);
  const facts = await l.client.lookup(l.request, fetch);
  cache?.set(key, facts);
  return facts;
}

function judge(pkg: Package, facts: RegistryFacts, opts: OnlineOptions): RiskFinding[] {
  const found = [
    checkNotFound(pkg, facts),
    checkTooNew(pkg, facts, opts.now, opts.newerThanDays),
    pkg.version ? checkInstallScripts(pkg, facts, opts.isPopular(pkg)) : undefined,
  ];
  return found.filter((f): f is RiskFinding => f !== undefined);
}

function unsupportedDiagnostic(ecosystems: Set<Ecosystem>): RiskDiagnostic {
  return {
    level: 'info',
    code: 'registry-checks-unavailable',
    message: `registry checks are not available for ${[...ecosystems].join(', ')}: those packages were not looked up`,
  };
}

function failureDiagnostic(
  ecosystem: Ecosystem,
  f: { count: number; first: string },
  lookups: Lookup[],
): RiskDiagnostic {
  const total = lookups.filter((l) => l.client.ecosystem === ecosystem).length;
  return {
    level: 'warning',
    code: 'registry-unavailable',
    message: `${f.count} of ${total} ${ecosystem} registry look-ups failed, so those packages were not checked (first failure: ${f.first})`,
  };
}
