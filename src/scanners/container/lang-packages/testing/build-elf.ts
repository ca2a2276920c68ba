/**
 * Test helper: minimal ELF executables built from the System V ABI layout, in either class and
 * byte order: a header, one loadable segment mapping the whole file at `BASE`, the sections
 * given (each 16-byte aligned, so its address is `BASE` + its offset) and a section name table.
 */
export const BASE = 0x400000;

export interface SectionSpec {
  name: string;
  /** The section's bytes, or a function of the address it gets, for data holding pointers. */
  data: Buffer | ((addr: number) => Buffer);
}

export interface ElfSpec {
  bits: 32 | 64;
  littleEndian: boolean;
  sections: SectionSpec[];
}

export interface BuiltElf {
  buffer: Buffer;
  /** Where each section's header starts in the file, for tests that make it lie. */
  headerAt: Record<string, number>;
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

class Writer {
  constructor(
    readonly buf: Buffer,
    readonly spec: ElfSpec,
  ) {}

  int(at: number, size: 2 | 4 | 8, value: number): void {
    const le = this.spec.littleEndian;
    if (size === 2) le ? this.buf.writeUInt16LE(value, at) : this.buf.writeUInt16BE(value, at);
    else if (size === 4) le ? this.buf.writeUInt32LE(value, at) : this.buf.writeUInt32BE(value, at);
    else le ? this.buf.writeBigUInt64LE(BigInt(value), at) : this.buf.writeBigUInt64BE(BigInt(value), at);
  }

  word(at: number, value: number): void {
    this.int(at, this.spec.bits === 64 ? 8 : 4, value);
  }
}

interface Placed {
  name: string;
  nameAt: number;
  offset: number;
  data: Buffer;
}

function place(spec: ElfSpec, start: number): { placed: Placed[]; end: number } {
  let offset = start;
  let names = '\u0000';
  const placed = [...spec.sections, { name: '.shstrtab', data: Buffer.alloc(0) }].map((s) => {
    offset = align(offset, 16);
    const size = typeof s.data === 'function' ? s.data(0).length : s.data.length;
    const data = typeof s.data === 'function' ? s.data(BASE + offset) : s.data;
    const p = { name: s.name, nameAt: names.length, offset, data };
    names += `${s.name}\u0000`;
    offset += size;
    return p;
  });
  const table = placed[placed.length - 1]!;
  table.data = Buffer.from(names, 'latin1');
  return { placed, end: offset + table.data.length };
}

export function buildElf(spec: ElfSpec): BuiltElf {
  const is64 = spec.bits === 64;
  const [ehsize, phsize, shsize] = is64 ? [64, 56, 64] : [52, 32, 40];
  const { placed, end } = place(spec, ehsize + phsize);
  const shoff = align(end, 8);
  const buffer = Buffer.alloc(shoff + shsize * (placed.length + 1));
  const w = new Writer(buffer, spec);
  writeHeader(w, ehsize, phsize, shsize, shoff, placed.length + 1);
  writeSegment(w, ehsize, buffer.length);
  const headerAt: Record<string, number> = {};
  placed.forEach((p, i) => {
    p.data.copy(buffer, p.offset);
    const at = shoff + shsize * (i + 1);
    headerAt[p.name] = at;
    const wd = is64 ? 8 : 4;
    w.int(at, 4, p.nameAt);
    w.int(at + 4, 4, p.name === '.shstrtab' ? 3 : 1);
    w.word(at + 8 + wd, BASE + p.offset);
    w.word(at + 8 + 2 * wd, p.offset);
    w.word(at + 8 + 3 * wd, p.data.length);
  });
  return { buffer, headerAt };
}

function writeHeader(
  w: Writer,
  ehsize: number,
  phsize: number,
  shsize: number,
  shoff: number,
  shnum: number,
) {
  const b = w.buf;
  b.set([0x7f, 0x45, 0x4c, 0x46, w.spec.bits === 64 ? 2 : 1, w.spec.littleEndian ? 1 : 2, 1]);
  w.int(16, 2, 2);
  w.int(20, 4, 1);
  const at = w.spec.bits === 64 ? { ph: 0x20, sh: 0x28, eh: 0x34 } : { ph: 0x1c, sh: 0x20, eh: 0x28 };
  w.word(at.ph, ehsize);
  w.word(at.sh, shoff);
  w.int(at.eh, 2, ehsize);
  w.int(at.eh + 2, 2, phsize);
  w.int(at.eh + 4, 2, 1);
  w.int(at.eh + 6, 2, shsize);
  w.int(at.eh + 8, 2, shnum);
  w.int(at.eh + 10, 2, shnum - 1);
}

/** One PT_LOAD, readable and writable, mapping the whole file at BASE. */
function writeSegment(w: Writer, at: number, size: number) {
  w.int(at, 4, 1);
  if (w.spec.bits === 64) {
    w.int(at + 4, 4, 6);
    w.word(at + 8, 0);
    w.word(at + 16, BASE);
    w.word(at + 32, size);
    w.word(at + 40, size);
  } else {
    w.word(at + 4, 0);
    w.word(at + 8, BASE);
    w.word(at + 16, size);
    w.word(at + 20, size);
    w.int(at + 24, 4, 6);
  }
}
