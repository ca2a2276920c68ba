/**
 * Newline searches bounded to `reach` bytes: on a minified or hostile single-line file an
 * unbounded `lastIndexOf` per keyword hit would make the scan quadratic.
 */
export function lineStartBefore(b: Buffer, pos: number, reach: number): number {
  const floor = Math.max(0, pos - reach);
  const nl = b.subarray(floor, pos + 1).lastIndexOf(10);
  return nl === -1 ? floor : floor + nl + 1;
}

/** End of the line holding `pos` (the newline's offset), or `pos + reach`, or the buffer's end. */
export function lineEndAfter(b: Buffer, pos: number, reach: number): number {
  const ceil = Math.min(b.length, pos + reach);
  const nl = b.subarray(pos, ceil).indexOf(10);
  return nl === -1 ? ceil : pos + nl;
}
