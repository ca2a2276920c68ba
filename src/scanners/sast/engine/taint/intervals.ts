/** Answers "does [start, end) overlap any of these ranges?" in O(log n). */
export class Intervals {
  private readonly starts: number[];
  /** maxEnd[i]: the furthest end among the first i+1 ranges (sorted by start). */
  private readonly maxEnd: number[];

  constructor(ranges: readonly (readonly [number, number])[]) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    this.starts = sorted.map((r) => r[0]);
    this.maxEnd = [];
    let max = Number.NEGATIVE_INFINITY;
    for (const [, end] of sorted) {
      max = Math.max(max, end);
      this.maxEnd.push(max);
    }
  }

  overlaps(start: number, end: number): boolean {
    // The last range starting before `end`; any range up to it that ends after `start` overlaps.
    let lo = 0;
    let hi = this.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && this.maxEnd[last]! > start;
  }
}
