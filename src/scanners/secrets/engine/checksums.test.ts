import { describe, expect, it } from 'vitest';
import {
  crc32,
  crc32HexLittleEndian,
  hasBase62Crc32Suffix,
  hasHexCrc32Suffix,
  toBase62,
} from './checksums.js';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });

  it('formats little-endian hex', () => {
    // 0xcbf43926 stored least significant byte first.
    expect(crc32HexLittleEndian('123456789')).toBe('2639f4cb');
  });
});

describe('toBase62', () => {
  it('encodes with digits, then upper case, then lower case, padded', () => {
    expect(toBase62(0, 6)).toBe('000000');
    expect(toBase62(61)).toBe('z');
    expect(toBase62(62)).toBe('10');
    expect(toBase62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('hasBase62Crc32Suffix', () => {
  const payload = 'vJLsJTWMt95fOLNOPsZCnxiKJAjaIK';
  const body = payload + toBase62(crc32(payload), 6);

  it('accepts a body whose last 6 characters are the checksum of the rest', () => {
    expect(hasBase62Crc32Suffix(body)).toBe(true);
  });

  it('rejects a changed payload or checksum', () => {
    expect(hasBase62Crc32Suffix(`w${body.slice(1)}`)).toBe(false);
    expect(hasBase62Crc32Suffix(`${body.slice(0, -1)}0`)).toBe(body.endsWith('0'));
    expect(hasBase62Crc32Suffix('short')).toBe(false);
  });
});

describe('hasHexCrc32Suffix', () => {
  const head = 'ATBBq8Xr2LmZ7kT4pW9vN3cYh6Fs';
  const token = head + crc32(head).toString(16).toUpperCase().padStart(8, '0');

  it('accepts upper- or lower-case hex of the CRC of everything before it', () => {
    expect(hasHexCrc32Suffix(token)).toBe(true);
    expect(hasHexCrc32Suffix(head + token.slice(-8).toLowerCase())).toBe(true);
  });

  it('rejects a wrong or non-hex suffix', () => {
    expect(hasHexCrc32Suffix(`${head}00000000`)).toBe(crc32(head) === 0);
    expect(hasHexCrc32Suffix(`${head}ZZZZZZZZ`)).toBe(false);
  });
});
