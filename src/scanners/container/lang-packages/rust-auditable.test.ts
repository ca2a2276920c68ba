import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { readBinary } from './binary.js';
import { buildElf } from './testing/build-elf.js';

const RUST = join(packageRoot(), 'test/fixtures/container/lang-packages/rust');
const auditable = (json: unknown, bits: 32 | 64 = 64, littleEndian = true) =>
  buildElf({
    bits,
    littleEndian,
    sections: [
      {
        name: '.dep-v0',
        data: deflateSync(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json))),
      },
    ],
  });

describe('readBinary on Rust binaries built with cargo auditable', () => {
  it('reads the crates of a rustc-built executable carrying a .dep-v0 section (make-rust-fixture.sh)', () => {
    const result = readBinary({
      path: 'usr/bin/hello',
      content: readFileSync(join(RUST, 'hello-auditable')),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.packages).toEqual([
      expect.objectContaining({
        name: 'cc',
        version: '1.0.83',
        groups: ['build'],
        purl: 'pkg:cargo/cc@1.0.83',
      }),
      {
        ecosystem: 'crates.io',
        name: 'hello',
        version: '0.1.0',
        resolved: true,
        purl: 'pkg:cargo/hello@0.1.0',
        source: { path: 'usr/bin/hello' },
        key: 'hello@0.1.0',
        evidence: 'cargo-auditable',
        confidence: 'high',
        application: true,
        dependsOn: ['cc@1.0.83', 'itoa@1.0.11', 'shared@0.3.0'],
      },
      expect.objectContaining({ name: 'itoa', version: '1.0.11', key: 'itoa@1.0.11' }),
      expect.objectContaining({ name: 'shared', version: '0.3.0' }),
    ]);
    expect(result.packages.filter((p) => p.application).map((p) => p.name)).toEqual(['hello']);
  });

  it.each([
    [32, false],
    [32, true],
    [64, false],
  ] as const)('reads the section in a %i-bit file (little-endian %s)', (bits, le) => {
    const json = { packages: [{ name: 'serde', version: '1.0.197', source: 'crates.io' }] };
    const result = readBinary({ path: 'x', content: auditable(json, bits, le).buffer });
    expect(result.packages.map((p) => p.purl)).toEqual(['pkg:cargo/serde@1.0.197']);
  });

  it('tells apart two crates of one name and version from different sources', () => {
    const json = {
      packages: [
        { name: 'a', version: '1.0.0', source: 'crates.io' },
        { name: 'a', version: '1.0.0', source: 'git' },
        { name: 'app', version: '0.1.0', source: 'local', root: true, dependencies: [0, 1] },
      ],
    };
    const [, git, app] = readBinary({ path: 'x', content: auditable(json).buffer }).packages;
    expect(git?.key).toBe('a@1.0.0 (git)');
    expect(app?.dependsOn).toEqual(['a@1.0.0', 'a@1.0.0 (git)']);
  });
});

describe('readBinary on hostile .dep-v0 sections', () => {
  const bad = (data: Buffer) =>
    buildElf({ bits: 64, littleEndian: true, sections: [{ name: '.dep-v0', data }] }).buffer;
  const cases: [string, Buffer, RegExp][] = [
    ['not zlib', bad(Buffer.from('plain text')), /not zlib-compressed JSON/],
    ['zlib, not JSON', bad(deflateSync('{"packages": [')), /not zlib-compressed JSON/],
    ['a zlib bomb', bad(deflateSync(Buffer.alloc(64 << 20, 0x20))), /inflates to more than 8388608 bytes/],
    ['no packages array', auditable({ packages: 3 }).buffer, /no packages array/],
    ['a crate without a version', auditable({ packages: [{ name: 'x' }] }).buffer, /crate 0 lacks/],
    [
      'a dependency index out of range',
      auditable({ packages: [{ name: 'x', version: '1', dependencies: [7] }] }).buffer,
      /crate 0 lacks/,
    ],
    [
      'a crate depending on itself',
      auditable({ packages: [{ name: 'x', version: '1', dependencies: [0] }] }).buffer,
      /crate 0 lacks/,
    ],
    ['a huge count', auditable({ packages: Array(50_001).fill(0) }).buffer, /lists 50001 crates/],
  ];

  it.each(cases)('reports %s, listing no crate', (_, content, message) => {
    const result = readBinary({ path: 'bin/x', content });
    expect(result.packages).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'binary-corrupt',
        path: 'bin/x',
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it('reports a section whose offset points past the end of the file', () => {
    const built = auditable({ packages: [] });
    built.buffer.writeBigUInt64LE(BigInt(built.buffer.length), built.headerAt['.dep-v0']! + 24);
    expect(readBinary({ path: 'x', content: built.buffer }).diagnostics[0]?.message).toMatch(
      /lies outside the file/,
    );
  });
});
