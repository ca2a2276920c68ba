import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { type Elf, parseElf, readAddress, sectionData } from './elf.js';
import { BASE, buildElf } from './testing/build-elf.js';

const FIXTURES = join(packageRoot(), 'test/fixtures/container/lang-packages');
const CLASSES = [
  { bits: 64, littleEndian: true },
  { bits: 64, littleEndian: false },
  { bits: 32, littleEndian: true },
  { bits: 32, littleEndian: false },
] as const;

describe('parseElf', () => {
  it.each(CLASSES)('reads sections and segments of a %o file', (cls) => {
    const { buffer } = buildElf({ ...cls, sections: [{ name: '.data', data: Buffer.from('hello') }] });
    const elf = parseElf(buffer) as Elf;
    expect(elf).toMatchObject({ bits: cls.bits, littleEndian: cls.littleEndian });
    expect(sectionData(elf, buffer, '.data')?.toString()).toBe('hello');
    expect(sectionData(elf, buffer, '.missing')).toBeUndefined();
    const addr = elf.sections.find((s) => s.name === '.data')!.addr;
    expect(readAddress(elf, buffer, addr + 1, 3)?.toString()).toBe('ell');
    expect(readAddress(elf, buffer, BASE - 1, 3)).toBeUndefined();
  });

  it('reads real Go binaries: 64-bit little-endian amd64 and 32-bit big-endian mips', () => {
    for (const [name, bits, littleEndian] of [
      ['app', 64, true],
      ['hello-mips', 32, false],
    ] as const) {
      const buffer = readFileSync(join(FIXTURES, 'go', name));
      const elf = parseElf(buffer) as Elf;
      expect(elf).toMatchObject({ bits, littleEndian });
      expect(elf.sections.map((s) => s.name)).toEqual(expect.arrayContaining(['.text', '.go.buildinfo']));
      expect(elf.segments.some((s) => s.type === 1)).toBe(true);
    }
  });

  it('reports a file that is not ELF, or whose class or tables are impossible', () => {
    const { buffer } = buildElf({ bits: 64, littleEndian: true, sections: [] });
    const badClass = Buffer.from(buffer);
    badClass[4] = 9;
    const tableOutside = Buffer.from(buffer);
    tableOutside.writeBigUInt64LE(BigInt(buffer.length), 0x28);
    const hugeOffset = Buffer.from(buffer);
    hugeOffset.writeBigUInt64LE(0xffffffffffffff00n, 0x20);
    const tinyEntries = Buffer.from(buffer);
    tinyEntries.writeUInt16LE(8, 0x3a);
    expect(
      [Buffer.from('#!/bin/sh\n'), badClass, tableOutside, hugeOffset, tinyEntries].map(parseElf),
    ).toEqual([
      'not an ELF file',
      'unknown ELF class 9 or data 1',
      'section header table lies outside the file',
      'program header table lies outside the file',
      'section header entries of 8 bytes, fewer than the 64 they need',
    ]);
  });

  it('says so when a section lies about where its bytes are, and survives a name table that lies', () => {
    const built = buildElf({
      bits: 32,
      littleEndian: false,
      sections: [{ name: '.dep-v0', data: Buffer.from('x') }],
    });
    const lying = Buffer.from(built.buffer);
    lying.writeUInt32BE(0xfffffff0, built.headerAt['.dep-v0']! + 16);
    const elf = parseElf(lying) as Elf;
    expect(sectionData(elf, lying, '.dep-v0')).toMatch(/lies outside the file/);
    const noNames = Buffer.from(built.buffer);
    noNames.writeUInt32BE(0xfffffff0, built.headerAt['.shstrtab']! + 16);
    expect((parseElf(noNames) as Elf).sections.every((s) => s.name === '')).toBe(true);
  });

  it('never throws on truncations of a real binary', () => {
    const buffer = readFileSync(join(FIXTURES, 'go', 'hello-mips'));
    for (const size of [0, 4, 16, 51, 52, 100, 4096, buffer.length - 1]) {
      expect(() => parseElf(buffer.subarray(0, size))).not.toThrow();
    }
  });
});
