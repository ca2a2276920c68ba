/**
 * A CVSS vector string split into metrics, checked against the metrics and values a version
 * allows: unknown metrics, unknown values, repeats and missing base metrics make it invalid.
 */
export type Metrics = Readonly<Record<string, string>>;

export function parseVector(
  vector: string,
  prefix: RegExp,
  allowed: Readonly<Record<string, readonly string[]>>,
  required: readonly string[],
): Metrics | undefined {
  if (typeof vector !== 'string' || vector.length > 512) return undefined;
  const m = prefix.exec(vector.trim());
  if (!m) return undefined;
  const metrics: Record<string, string> = {};
  for (const part of vector.trim().slice(m[0].length).split('/')) {
    const [key, value, extra] = part.split(':');
    if (key === undefined || value === undefined || extra !== undefined) return undefined;
    if (!Object.hasOwn(allowed, key) || !allowed[key]!.includes(value) || Object.hasOwn(metrics, key)) {
      return undefined;
    }
    metrics[key] = value;
  }
  return required.every((k) => Object.hasOwn(metrics, k)) ? metrics : undefined;
}

export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';

/** The qualitative rating scale, the same in CVSS v3.x and v4.0. */
export function ratingOf(score: number): CvssSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}
