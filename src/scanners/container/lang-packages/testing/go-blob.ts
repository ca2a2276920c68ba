/**
 * Test helper: Go build information blobs as the linker writes them (see go-buildinfo.ts), in
 * the inline format of Go 1.18+ and the older pointer format, for any pointer size and byte order.
 */
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** cmd/go's modload.infoStart and infoEnd. */
const INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

export function framedModInfo(text: string): Buffer {
  return Buffer.concat([INFO_START, Buffer.from(text), INFO_END]);
}

function uvarint(n: number): Buffer {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return Buffer.from(out);
}

function header(ptrSize: number, flags: number): Buffer {
  const h = Buffer.alloc(32);
  MAGIC.copy(h);
  h[14] = ptrSize;
  h[15] = flags;
  return h;
}

/** Go 1.18+: the header, then the two strings each prefixed by its varint length. */
export function inlineBuildInfo(goVersion: string, modInfo: Buffer): Buffer {
  const v = Buffer.from(goVersion);
  return Buffer.concat([header(8, 2), uvarint(v.length), v, uvarint(modInfo.length), modInfo]);
}

/**
 * Before Go 1.18: the header holds two pointers, each to a string header `{data, length}`;
 * here the string headers and the bytes follow in the same section, at `addr` + 32.
 */
export function pointerBuildInfo(goVersion: string, modInfo: Buffer, ptrSize: 4 | 8, littleEndian: boolean) {
  return (addr: number): Buffer => {
    const v = Buffer.from(goVersion);
    const words = Buffer.alloc(6 * ptrSize);
    const put = (i: number, value: number) => {
      const at = i * ptrSize;
      if (ptrSize === 4) littleEndian ? words.writeUInt32LE(value, at) : words.writeUInt32BE(value, at);
      else
        littleEndian ? words.writeBigUInt64LE(BigInt(value), at) : words.writeBigUInt64BE(BigInt(value), at);
    };
    const strings = addr + 32;
    const data = strings + 4 * ptrSize;
    const values = [strings, strings + 2 * ptrSize, data, v.length, data + v.length, modInfo.length];
    for (const [i, x] of values.entries()) put(i, x);
    const h = header(ptrSize, littleEndian ? 0 : 1);
    // The two pointers sit inside the 32-byte header, at 16 and 16 + ptrSize.
    words.copy(h, 16, 0, 2 * ptrSize);
    return Buffer.concat([h, words.subarray(2 * ptrSize), v, modInfo]);
  };
}
