/**
 * Checksums that providers build into their token formats. A token whose checksum does not
 * verify was almost certainly typed by hand (documentation, tests), so detectors lower their
 * confidence instead of dropping it.
 */

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the zlib one) of a string's latin1 bytes or of raw bytes, unsigned. */
export function crc32(input: string | Uint8Array): number {
  let crc = 0xffffffff;
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const byte = typeof input === 'string' ? input.charCodeAt(i) & 0xff : input[i]!;
    crc = CRC32_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Digits, then upper case, then lower case: the alphabet GitHub and npm tokens use. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` (a non-negative integer) in base 62, left-padded with `0` to `width` characters. */
export function toBase62(n: number, width = 0): string {
  let out = '';
  let v = Math.floor(n);
  do {
    out = BASE62_ALPHABET[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens: after the prefix come
 * 30 random base62 characters and then 6 characters that are the base62 CRC-32 of those 30.
 * `body` is the token without its prefix.
 */
export function hasBase62Crc32Suffix(body: string): boolean {
  if (body.length < 7) return false;
  const payload = body.slice(0, -6);
  return toBase62(crc32(payload), 6) === body.slice(-6);
}

/**
 * Atlassian tokens (`ATATT`, `ATCTT`, `ATBB`, `ATTA`): the last 8 characters are the CRC-32, in
 * hexadecimal, of everything before them.
 */
export function hasHexCrc32Suffix(value: string): boolean {
  if (value.length < 9) return false;
  const hex = value.slice(-8);
  if (!/^[0-9a-fA-F]{8}$/.test(hex)) return false;
  return Number.parseInt(hex, 16) === crc32(value.slice(0, -8));
}

/** CRC-32 as 8 hex digits of its little-endian bytes (Grafana's service-account tokens). */
export function crc32HexLittleEndian(input: string): string {
  const c = crc32(input);
  const bytes = [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}
