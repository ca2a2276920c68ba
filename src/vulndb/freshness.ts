import { splitEcosystem } from './names.js';
import type { VulnStore } from './store.js';

export interface Freshness {
  /** `empty`: nothing (or nothing for an ecosystem asked about) is loaded; `stale`: older than allowed. */
  state: 'fresh' | 'stale' | 'empty';
  /** Whole days since the oldest relevant import; undefined when nothing relevant is loaded. */
  ageDays?: number;
  /** Ecosystems asked about that have never been imported. */
  missing: string[];
  /** What to tell the user when the state is not `fresh`. */
  message?: string;
}

const DAY_MS = 86_400_000;
const FIX = 'run `gatehouse db update`, or `gatehouse db import PATH...` where there is no network';

/**
 * Whether the database can be trusted for a scan: a scan against an empty or old database
 * silently misses vulnerabilities, so the scanner warns (and the gate may fail) on this.
 * `ecosystems` narrows the question to those a scan found packages for.
 */
export function assessFreshness(
  store: VulnStore,
  maxAgeDays: number,
  opts: { ecosystems?: readonly string[]; now?: Date } = {},
): Freshness {
  const status = store.status();
  if (status.length === 0) {
    return {
      state: 'empty',
      missing: [...(opts.ecosystems ?? [])],
      message: `the vulnerability database is empty: ${FIX}`,
    };
  }
  const wanted = opts.ecosystems ? new Set(opts.ecosystems.map((e) => splitEcosystem(e).base)) : undefined;
  const relevant = wanted ? status.filter((s) => wanted.has(s.ecosystem)) : status;
  const missing = wanted ? [...wanted].filter((e) => !status.some((s) => s.ecosystem === e)).sort() : [];
  const now = (opts.now ?? new Date()).getTime();
  const oldest = Math.min(...relevant.map((s) => Date.parse(s.importedAt)));
  const ageDays = relevant.length > 0 ? Math.max(0, Math.floor((now - oldest) / DAY_MS)) : undefined;
  if (missing.length > 0) {
    const message = `the vulnerability database has no advisories for ${missing.join(', ')}: ${FIX}`;
    return { state: 'empty', ageDays, missing, message };
  }
  if (ageDays !== undefined && ageDays > maxAgeDays) {
    const message = `the vulnerability database is ${ageDays} days old (more than ${maxAgeDays}): ${FIX}`;
    return { state: 'stale', ageDays, missing, message };
  }
  return { state: 'fresh', ageDays, missing };
}
