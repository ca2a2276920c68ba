import { createRequire } from 'node:module';

// The license list ships as JSON; createRequire loads it on every Node 20 minor (import attributes need 20.10+).
const require = createRequire(import.meta.url);
const CURRENT: readonly string[] = require('spdx-license-ids');
const DEPRECATED: readonly string[] = require('spdx-license-ids/deprecated.json');

const BY_LOWER = new Map<string, string>();
for (const id of [...DEPRECATED, ...CURRENT]) BY_LOWER.set(id.toLowerCase(), id);
const CURRENT_SET = new Set(CURRENT);

/** The listed SPDX id spelled as the list spells it, for any capitalisation; undefined when not listed. */
export function lookupLicenseId(text: string): string | undefined {
  return BY_LOWER.get(text.toLowerCase());
}

export function isListedLicense(id: string): boolean {
  return BY_LOWER.get(id.toLowerCase()) === id;
}

/**
 * GNU ids were split into `-only` / `-or-later` (SPDX 3.0); the old forms stay valid but
 * deprecated. Returns the current id for `id` (with `plus` for the old `+` suffix).
 */
export function currentGnuId(id: string, plus: boolean): string | undefined {
  const base = id.endsWith('-only') ? id.slice(0, -'-only'.length) : id;
  const candidate = `${base}-${plus ? 'or-later' : 'only'}`;
  return CURRENT_SET.has(candidate) ? candidate : undefined;
}

/** A license id split into a family and a numeric version: `LGPL-2.1-only` is `LGPL` 2.1. */
export interface VersionedLicense {
  family: string;
  version: number[];
  /** The id without `-only` / `-or-later`: `LGPL-2.1`. */
  base: string;
}

const VERSIONED = /^(.+)-(\d+(?:\.\d+)*)$/;

/** The id without `-only` / `-or-later`, the form version ranges compare. */
export function licenseBase(id: string): string {
  return id.replace(/-(?:only|or-later)$/, '');
}

export function versionedLicense(id: string): VersionedLicense | undefined {
  const base = licenseBase(id);
  const m = VERSIONED.exec(base);
  if (!m) return undefined;
  return { family: m[1]!, version: m[2]!.split('.').map(Number), base };
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const FAMILIES = new Map<string, VersionedLicense[]>();
for (const id of BY_LOWER.values()) {
  const v = versionedLicense(id);
  if (!v) continue;
  const members = FAMILIES.get(v.family) ?? [];
  if (!members.some((m) => m.base === v.base)) members.push(v);
  FAMILIES.set(v.family, members);
}

/**
 * The licenses a `+` / `-or-later` grant lets the licensee choose: every listed version of the
 * same family at or above it. Unversioned ids can only mean themselves.
 */
export function laterVersions(id: string): string[] {
  const v = versionedLicense(id);
  if (!v) return [licenseBase(id)];
  const members = FAMILIES.get(v.family) ?? [];
  return members.filter((m) => compareVersions(m.version, v.version) >= 0).map((m) => m.base);
}
