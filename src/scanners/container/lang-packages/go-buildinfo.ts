import { type Elf, readAddress, sectionData } from './elf.js';

/**
 * The build information the Go linker embeds in every executable (what `go version -m`
 * prints), as Go's `debug/buildinfo` documents it: a 32-byte header, 16-byte aligned, made of
 * the magic `\xff Go buildinf:` (14 bytes), the pointer size (1 byte) and a flags byte. When
 * flag 2 is set (Go 1.18 and later) the header is followed by two varint-length-prefixed
 * strings, the Go version and the module info. Before, bit 1 gave the byte order and two
 * pointers followed, each the address of a Go string header `{data pointer, length}`.
 */
export interface GoBuildInfo {
  /** As the toolchain names itself: `go1.22.4`, `go1.21rc2`, `devel go1.23-abc +...`. */
  goVersion: string;
  /** The module info text, its 16-byte sentinels removed; '' for a binary built outside module mode. */
  modInfo: string;
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER = 32;
const ALIGN = 16;
const INLINE = 2;
/** Larger than any real module list (Kubernetes' is ~30 KB); a bigger claim is a damaged or hostile file. */
const MAX_STRING = 4 << 20;
/** A file full of unaligned magic strings must not make the search quadratic. */
const MAX_CANDIDATES = 10_000;

/** The build info, undefined when the binary has none (not built by Go), or why it could not be read. */
export function readGoBuildInfo(elf: Elf, buf: Buffer): GoBuildInfo | string | undefined {
  const section = sectionData(elf, buf, '.go.buildinfo');
  if (typeof section === 'string') return section;
  // The section is where the linker puts it on ELF; stripped section headers leave only a scan.
  const header = findHeader(section ?? buf);
  if (!header) return section ? 'the .go.buildinfo section holds no build information header' : undefined;
  const strings = header[15]! & INLINE ? inlineStrings(header) : pointerStrings(elf, buf, header);
  if (typeof strings === 'string') return strings;
  const goVersion = strings[0].toString('utf8');
  if (goVersion === '') return 'the build information has no Go version';
  return { goVersion, modInfo: unframe(strings[1]).toString('utf8') };
}

/** The first magic at an aligned offset with a whole header after it, and the data that follows. */
function findHeader(data: Buffer): Buffer | undefined {
  let at = data.indexOf(MAGIC);
  for (let n = 0; at >= 0 && n < MAX_CANDIDATES; n++) {
    if (at % ALIGN === 0 && data.length - at >= HEADER) return data.subarray(at);
    at = data.indexOf(MAGIC, at + 1);
  }
  return undefined;
}

/** Go's `binary.Uvarint`: 7 bits a byte, low first; undefined past the buffer or 5 bytes (lengths are < 2^32). */
function uvarint(buf: Buffer, at: number): [value: number, next: number] | undefined {
  let value = 0;
  for (let i = 0; i < 5 && at + i < buf.length; i++) {
    const b = buf[at + i]!;
    value += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) return [value, at + i + 1];
  }
  return undefined;
}

function inlineStrings(data: Buffer): [Buffer, Buffer] | string {
  const out: Buffer[] = [];
  let at = HEADER;
  for (const what of ['Go version', 'module info']) {
    const len = uvarint(data, at);
    if (!len || len[0] > MAX_STRING || len[1] + len[0] > data.length)
      return `the ${what} string runs past the data`;
    out.push(data.subarray(len[1], len[1] + len[0]));
    at = len[1] + len[0];
  }
  return [out[0]!, out[1]!];
}

function pointerStrings(elf: Elf, buf: Buffer, header: Buffer): [Buffer, Buffer] | string {
  const size = header[14];
  if (size !== 4 && size !== 8) return `pointer size ${size} in the build information header`;
  const le = header[15] === 0;
  const ptr = (b: Buffer, at: number) => readPointer(b, at, size, le);
  const out: Buffer[] = [];
  for (const [i, what] of ['Go version', 'module info'].entries()) {
    const stringHeader = readAddress(elf, buf, ptr(header, 16 + i * size), 2 * size);
    if (!stringHeader || stringHeader.length < 2 * size) return `the ${what} pointer leads outside the file`;
    const len = ptr(stringHeader, size);
    if (len > MAX_STRING) return `the ${what} claims ${len} bytes`;
    const bytes = readAddress(elf, buf, ptr(stringHeader, 0), len);
    if (len > 0 && (!bytes || bytes.length < len)) return `the ${what} string lies outside the file`;
    out.push(bytes ?? Buffer.alloc(0));
  }
  return [out[0]!, out[1]!];
}

function readPointer(b: Buffer, at: number, size: 4 | 8, le: boolean): number {
  if (size === 4) return le ? b.readUInt32LE(at) : b.readUInt32BE(at);
  const v = le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
}

/**
 * cmd/go frames the module info between two 16-byte binary sentinels, the end one starting
 * with a newline; they are cut as bytes, before decoding could change their length.
 */
function unframe(mod: Buffer): Buffer {
  return mod.length >= 33 && mod[mod.length - 17] === 0x0a ? mod.subarray(16, -16) : Buffer.alloc(0);
}
