/** One 512-byte tar header block, decoded just enough to index an archive. */
export interface TarHeader {
  name: string;
  size: number;
  /** The typeflag character; '0' for regular files (NUL, the V7 form, is reported as '0'). */
  type: string;
  linkname: string;
}

export const BLOCK = 512;

/** The header in `block`, or undefined when the checksum does not match (not a tar, or corrupt). */
export function decodeHeader(block: Buffer): TarHeader | undefined {
  const stored = readNumber(block, 148, 8);
  if (stored === undefined || stored !== checksum(block)) return undefined;
  const size = readNumber(block, 124, 12);
  if (size === undefined) return undefined;
  const name = cString(block, 0, 100);
  const posix = block.toString('latin1', 257, 263) === 'ustar\0';
  const prefix = posix ? cString(block, 345, 155) : '';
  const flag = block[156] ?? 0;
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size,
    type: flag === 0 ? '0' : String.fromCharCode(flag),
    linkname: cString(block, 157, 100),
  };
}

export function isZeroBlock(block: Buffer): boolean {
  for (const b of block) if (b !== 0) return false;
  return true;
}

/** The `path`, `linkpath` and `size` records of a pax extended header. */
export function parsePax(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    const len = Number.parseInt(body.toString('latin1', pos, space), 10);
    if (space === -1 || !(len > 0) || pos + len > body.length) break;
    const record = body.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    pos += len;
  }
  return records;
}

export function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

function checksum(block: Buffer): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += block[i]!;
  for (let i = 156; i < BLOCK; i++) sum += block[i]!;
  return sum;
}

/** Octal, or GNU base-256 when the high bit of the first byte is set (sizes of 8 GiB and more). */
function readNumber(block: Buffer, start: number, length: number): number | undefined {
  const first = block[start]!;
  if (first & 0x80) {
    if (first !== 0x80) return undefined;
    let value = 0;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i]!;
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const text = block
    .toString('latin1', start, start + length)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : undefined;
}
