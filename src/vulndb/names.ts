/**
 * Package names as the vulnerability database indexes them. Lockfiles and advisories spell the
 * same package differently (`Django` / `django`, `serde_json` / `serde-json`); both sides go
 * through `normalizeName` so a lookup finds every advisory the registry would consider the
 * same package, and never one it would not.
 */

/** `Alpine:v3.18` → { base: 'Alpine', release: 'v3.18' }; `npm` → { base: 'npm', release: '' }. */
export function splitEcosystem(ecosystem: string): { base: string; release: string } {
  const i = ecosystem.indexOf(':');
  if (i < 0) return { base: ecosystem.trim(), release: '' };
  return { base: ecosystem.slice(0, i).trim(), release: ecosystem.slice(i + 1).trim() };
}

// Registries that compare names case-insensitively (their uniqueness rules say so).
const CASE_INSENSITIVE = new Set(['NuGet', 'Packagist', 'Hex', 'Pub', 'Alpine', 'Debian', 'Ubuntu']);

/** The lookup key of a package name within its (base) ecosystem. */
export function normalizeName(ecosystem: string, name: string): string {
  const base = splitEcosystem(ecosystem).base;
  const n = name.trim();
  switch (base) {
    case 'PyPI':
      // PEP 503: runs of `-`, `_`, `.` are one separator; names are case-insensitive.
      return n.toLowerCase().replace(/[-_.]+/g, '-');
    case 'crates.io':
      // crates.io refuses a new crate whose name differs from an existing one only by case or `-`/`_`.
      return n.toLowerCase().replace(/_/g, '-');
    case 'Go':
      // Module paths are case-sensitive; a trailing slash is never part of one.
      return n.replace(/\/+$/, '');
    default:
      // npm, Maven (`group:artifact`), RubyGems and the RPM distributions compare names exactly.
      return CASE_INSENSITIVE.has(base) ? n.toLowerCase() : n;
  }
}
