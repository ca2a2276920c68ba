/**
 * Optimal-string-alignment distance (Damerau-Levenshtein where each substring is edited once:
 * insertions, deletions, substitutions and adjacent transpositions), or `max + 1` as soon as
 * it is known to exceed `max`. The bound keeps a comparison to a few row updates.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** Length of the prefix and suffix kept by at least one of them under any single edit of a string of length `m`. */
function half(m: number): number {
  return Math.floor((m - 1) / 2);
}

/**
 * Strings within one edit of a query, found without comparing against all of them. One edit
 * (even a transposition, which touches two neighbours) leaves either the first or the last
 * `half(m)` characters of a string of length `m` untouched, so each string is filed under its
 * length with its prefix and with its suffix: two entries per string, six look-ups per query.
 */
export class OneEditIndex<T> {
  private readonly buckets = new Map<string, Array<{ key: string; value: T }>>();

  add(key: string, value: T): void {
    const h = half(key.length);
    for (const b of [`${key.length}<${key.slice(0, h)}`, `${key.length}>${key.slice(key.length - h)}`]) {
      const bucket = this.buckets.get(b);
      if (bucket) bucket.push({ key, value });
      else this.buckets.set(b, [{ key, value }]);
    }
  }

  /** Every stored value whose key is exactly one edit away from `query`. */
  near(query: string): Array<{ key: string; value: T }> {
    const out = new Map<string, { key: string; value: T }>();
    for (let m = query.length - 1; m <= query.length + 1; m++) {
      const h = half(m);
      for (const b of [`${m}<${query.slice(0, h)}`, `${m}>${query.slice(query.length - h)}`]) {
        for (const e of this.buckets.get(b) ?? []) {
          if (!out.has(e.key) && boundedDistance(query, e.key, 1) === 1) out.set(e.key, e);
        }
      }
    }
    return [...out.values()];
  }
}
