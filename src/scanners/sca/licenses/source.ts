import { PackageURL } from 'packageurl-js';
import { normalizeLicense } from './normalize.js';

/** The licenses one installed package declares in its own manifest. */
export interface InstalledLicenses {
  /** Package URL without qualifiers or subpath: the key lockfile packages are looked up by. */
  purl: string;
  /** Each an SPDX expression, or the declared text when it names no SPDX license. */
  licenses: string[];
}

/** One kind of installed-package manifest that names its package's license. */
export interface LicenseSource {
  name: string;
  /** Cheap test on the path (relative to the scan root, POSIX separators). */
  matches(path: string): boolean;
  /** Undefined when the manifest does not say which package version it is; throws on unreadable input. */
  read(text: string): InstalledLicenses | undefined;
}

/** Declared license strings, normalised, blanks dropped, duplicates removed, order kept. */
export function declaredLicenses(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of raw) {
    const { expression, unknown } = normalizeLicense(text);
    const value = expression ?? unknown;
    if (value !== undefined && !out.includes(value)) out.push(value);
  }
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The key `licensesFromDisk` uses for a package: its purl, canonical, without qualifiers or
 * subpath (a lockfile's `?type=jar` does not change which manifest declared the license).
 * Undefined for text that is not a purl.
 */
export function purlWithoutQualifiers(purl: string): string | undefined {
  try {
    const p = PackageURL.fromString(purl);
    return new PackageURL(p.type, p.namespace, p.name, p.version, undefined, undefined).toString();
  } catch {
    return undefined;
  }
}
