import type { Ecosystem } from '../../../../core/package.js';
import type { JsonAnswer } from './http.js';

/** What a registry says about one package version, reduced to what the risk checks need. */
export interface RegistryFacts {
  exists: boolean;
  /** npm keeps a record of unpublished packages: the name existed and was withdrawn. */
  unpublished?: boolean;
  /** npm replaced the package by its `0.0.1-security` placeholder: it was taken down as malicious. */
  securityPlaceholder?: boolean;
  /** First publication of the package, ISO 8601. */
  created?: string;
  /** Publication of the version asked about, ISO 8601. */
  versionPublished?: string;
  /** Last change to the package: nothing in it is newer. Enough to rule out "too new" without more. */
  modified?: string;
  /** npm: the version runs scripts when installed. */
  hasInstallScript?: boolean;
  /** npm: which of `preinstall`, `install`, `postinstall` it declares, when they were read. */
  installScripts?: string[];
}

export interface LookupRequest {
  name: string;
  /** '' when only a range is known: then only the package is looked at. */
  version: string;
  /** Publications after this instant are "too new": the client fetches the detail needed to tell. */
  recentSince: Date;
  /** Read the names of the install scripts (costs the full document on npm). */
  wantInstallScripts: boolean;
}

export type Fetch = (url: string, headers: Record<string, string>) => Promise<JsonAnswer>;

/** One registry's HTTP API. */
export interface RegistryClient {
  ecosystem: Ecosystem;
  /** Everything before the package name in a look-up URL; part of the cache key. */
  base: string;
  lookup(request: LookupRequest, fetch: Fetch): Promise<RegistryFacts>;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value as an ISO 8601 instant, or undefined when it is not a date. */
export function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function earliest(dates: Array<string | undefined>): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort()[0];
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

const OPTIONAL_STRINGS = ['created', 'versionPublished', 'modified'] as const;
const OPTIONAL_FLAGS = ['unpublished', 'securityPlaceholder', 'hasInstallScript'] as const;

/** True for a value of the shape `RegistryFacts` has: what a cache file must hold to be trusted. */
export function isRegistryFacts(v: unknown): v is RegistryFacts {
  if (!isRecord(v) || typeof v.exists !== 'boolean') return false;
  if (OPTIONAL_STRINGS.some((k) => v[k] !== undefined && isoDate(v[k]) === undefined)) return false;
  if (OPTIONAL_FLAGS.some((k) => v[k] !== undefined && typeof v[k] !== 'boolean')) return false;
  const scripts = v.installScripts;
  return scripts === undefined || (Array.isArray(scripts) && scripts.every((s) => typeof s === 'string'));
}
