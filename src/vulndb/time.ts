const RFC3339 = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An OSV timestamp in one canonical form (`2024-01-02T03:04:05.000Z`), so that stored times
 * compare as strings; undefined when it is not an RFC 3339 date or date-time.
 */
export function canonicalTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const withZone = /[Zz]|[+-]\d{2}:?\d{2}$/.test(value.slice(10))
    ? value
    : `${value.length === 10 ? `${value}T00:00:00` : value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
