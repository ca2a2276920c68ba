export type Hsts =
  | { valid: true; maxAge: number; includeSubDomains: boolean; preload: boolean }
  | { valid: false; reason: string };

/**
 * Parses a Strict-Transport-Security value as RFC 6797 section 6.1 says: directive names are
 * case-insensitive and unordered, values may be quoted, each directive appears at most once,
 * and max-age is required. Browsers ignore a header that breaks these rules.
 */
export function parseHsts(value: string): Hsts {
  const seen = new Map<string, string>();
  for (const part of value.split(';')) {
    const raw = part.trim();
    if (!raw) continue;
    const eq = raw.indexOf('=');
    const name = (eq < 0 ? raw : raw.slice(0, eq)).trim().toLowerCase();
    let v = eq < 0 ? '' : raw.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    if (seen.has(name)) return { valid: false, reason: `the ${name} directive appears twice` };
    seen.set(name, v);
  }
  const maxAge = seen.get('max-age');
  if (maxAge === undefined) return { valid: false, reason: 'there is no max-age directive' };
  if (!/^\d{1,15}$/.test(maxAge))
    return { valid: false, reason: `max-age "${maxAge.slice(0, 30)}" is not a number` };
  return {
    valid: true,
    maxAge: Number(maxAge),
    includeSubDomains: seen.has('includesubdomains'),
    preload: seen.has('preload'),
  };
}
