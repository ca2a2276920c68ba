/**
 * The parts of an ELF file (System V ABI, "ELF Header", "Sections", "Program Header") that
 * binaries record their dependencies in: named sections, and the loadable segments that map
 * a virtual address to a file offset. 32- and 64-bit, either byte order. Every offset and
 * count comes from the file, so each is checked against its length before it is used.
 */
export interface ElfSection {
  name: string;
  type: number;
  addr: number;
  offset: number;
  size: number;
}

export interface ElfSegment {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

export interface Elf {
  bits: 32 | 64;
  littleEndian: boolean;
  sections: ElfSection[];
  segments: ElfSegment[];
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const SHT_NOBITS = 8;
const PT_LOAD = 1;
const MAX_NAME = 256;

export function isElf(content: Buffer): boolean {
  return content.length >= 52 && content.subarray(0, 4).equals(ELF_MAGIC);
}

/** Reads integers of the file's width and byte order; an offset past the end reads as NaN. */
class Reader {
  constructor(
    readonly buf: Buffer,
    readonly bits: 32 | 64,
    readonly le: boolean,
  ) {}

  u16(at: number): number {
    if (at + 2 > this.buf.length) return Number.NaN;
    return this.le ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  u32(at: number): number {
    if (at + 4 > this.buf.length) return Number.NaN;
    return this.le ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  /** A 64-bit value above 2^53 cannot be an offset into a file in memory: it reads as Infinity. */
  u64(at: number): number {
    if (at + 8 > this.buf.length) return Number.NaN;
    const v = this.le ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
  }

  /** An address or offset: 4 bytes in a 32-bit file, 8 in a 64-bit one. */
  word(at: number): number {
    return this.bits === 64 ? this.u64(at) : this.u32(at);
  }
}

/** The offsets of the header fields that differ between the classes. */
const LAYOUT = {
  32: { phoff: 0x1c, shoff: 0x20, phentsize: 0x2a, shentsize: 0x2e, ph: 32, sh: 40 },
  64: { phoff: 0x20, shoff: 0x28, phentsize: 0x36, shentsize: 0x3a, ph: 56, sh: 64 },
};

/** The file's sections and segments, or why it cannot be read as ELF. */
export function parseElf(buf: Buffer): Elf | string {
  if (!isElf(buf)) return 'not an ELF file';
  const cls = buf[4];
  const data = buf[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2))
    return `unknown ELF class ${cls} or data ${data}`;
  const r = new Reader(buf, cls === 1 ? 32 : 64, data === 1);
  const segments = readSegments(r);
  if (typeof segments === 'string') return segments;
  const sections = readSections(r);
  if (typeof sections === 'string') return sections;
  return { bits: r.bits, littleEndian: r.le, sections, segments };
}

interface Table {
  offset: number;
  count: number;
  entsize: number;
}

/** A table of `count` entries of `entsize` bytes, at least `min` of which the reader uses. */
function table(r: Reader, offsetAt: number, entsizeAt: number, min: number, what: string): Table | string {
  const offset = r.word(offsetAt);
  const entsize = r.u16(entsizeAt);
  const count = r.u16(entsizeAt + 2);
  if (count === 0 || offset === 0) return { offset: 0, count: 0, entsize };
  if (!(entsize >= min)) return `${what} entries of ${entsize} bytes, fewer than the ${min} they need`;
  if (!(offset + count * entsize <= r.buf.length)) return `${what} table lies outside the file`;
  return { offset, count, entsize };
}

function readSegments(r: Reader): ElfSegment[] | string {
  const l = LAYOUT[r.bits];
  const t = table(r, l.phoff, l.phentsize, l.ph, 'program header');
  if (typeof t === 'string') return t;
  const out: ElfSegment[] = [];
  for (let i = 0; i < t.count; i++) {
    const at = t.offset + i * t.entsize;
    out.push(
      r.bits === 64
        ? {
            type: r.u32(at),
            flags: r.u32(at + 4),
            offset: r.u64(at + 8),
            vaddr: r.u64(at + 16),
            filesz: r.u64(at + 32),
          }
        : {
            type: r.u32(at),
            flags: r.u32(at + 24),
            offset: r.u32(at + 4),
            vaddr: r.u32(at + 8),
            filesz: r.u32(at + 16),
          },
    );
  }
  return out;
}

interface RawSection {
  nameOffset: number;
  type: number;
  addr: number;
  offset: number;
  size: number;
}

function rawSection(r: Reader, at: number): RawSection {
  const w = r.bits === 64 ? 8 : 4;
  const type = r.u32(at + 4);
  const addr = r.word(at + 8 + w);
  const offset = r.word(at + 8 + 2 * w);
  const size = r.word(at + 8 + 3 * w);
  return { nameOffset: r.u32(at), type, addr, offset, size };
}

function readSections(r: Reader): ElfSection[] | string {
  const l = LAYOUT[r.bits];
  const t = table(r, l.shoff, l.shentsize, l.sh, 'section header');
  if (typeof t === 'string') return t;
  const raw = Array.from({ length: t.count }, (_, i) => rawSection(r, t.offset + i * t.entsize));
  const strtab = raw[r.u16(l.shentsize + 4)];
  // Without a readable name table the sections are there but cannot be found by name.
  const names =
    strtab && inFile(r.buf, strtab) ? r.buf.subarray(strtab.offset, strtab.offset + strtab.size) : undefined;
  return raw.map((s) => ({
    name: names ? nameAt(names, s.nameOffset) : '',
    type: s.type,
    addr: s.addr,
    offset: s.offset,
    size: s.type === SHT_NOBITS ? 0 : s.size,
  }));
}

function inFile(buf: Buffer, s: { offset: number; size: number }): boolean {
  return s.offset >= 0 && s.size >= 0 && s.offset + s.size <= buf.length;
}

function nameAt(names: Buffer, offset: number): string {
  if (!(offset < names.length)) return '';
  const end = names.indexOf(0, offset);
  const stop = end < 0 ? names.length : Math.min(end, offset + MAX_NAME);
  return names.toString('latin1', offset, stop);
}

/** The bytes of the named section, undefined when there is none, or a message when it lies outside the file. */
export function sectionData(elf: Elf, buf: Buffer, name: string): Buffer | string | undefined {
  const s = elf.sections.find((x) => x.name === name);
  if (!s) return undefined;
  if (!inFile(buf, s)) return `section ${name} (${s.size} bytes at ${s.offset}) lies outside the file`;
  return buf.subarray(s.offset, s.offset + s.size);
}

/** Up to `size` bytes at a virtual address, from the loadable segment holding it, within the file. */
export function readAddress(elf: Elf, buf: Buffer, addr: number, size: number): Buffer | undefined {
  for (const p of elf.segments) {
    if (p.type !== PT_LOAD || !(addr >= p.vaddr && addr < p.vaddr + p.filesz)) continue;
    const start = p.offset + (addr - p.vaddr);
    const end = Math.min(start + size, p.offset + p.filesz, buf.length);
    return start < end ? buf.subarray(start, end) : undefined;
  }
  return undefined;
}
