import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { Problems } from '../os-packages/problems.js';
import { readBinary } from './binary.js';
import { goToolchainVersion, parseGoModInfo } from './go-modinfo.js';
import { buildElf } from './testing/build-elf.js';
import { framedModInfo, inlineBuildInfo, pointerBuildInfo } from './testing/go-blob.js';

const GO = join(packageRoot(), 'test/fixtures/container/lang-packages/go');
const summary = (r: ReturnType<typeof readBinary>) =>
  r.packages.map(
    (p) => `${p.name}@${p.version}${p.constraint ? ` (${p.constraint})` : ''}${p.application ? ' app' : ''}`,
  );

const MODINFO =
  'path\texample.com/cmd\nmod\texample.com/cmd\tv1.4.0\th1:abc=\ndep\tgolang.org/x/net\tv0.17.0\th1:x=\n';
const goElf = (
  bits: 32 | 64,
  littleEndian: boolean,
  data: Buffer | ((addr: number) => Buffer),
  name = '.go.buildinfo',
) =>
  buildElf({
    bits,
    littleEndian,
    sections: [
      { name: '.text', data: Buffer.alloc(40) },
      { name, data },
    ],
  }).buffer;

describe('readBinary on Go binaries built by the Go toolchain (make-go-fixtures.sh)', () => {
  it('reads the standard library, the main module and a dependency from a module proxy, as go version -m does', () => {
    const result = readBinary({ path: 'usr/local/bin/app', content: readFileSync(join(GO, 'app')) });
    expect(result.diagnostics).toEqual([]);
    expect(summary(result)).toEqual([
      'stdlib@1.19.8',
      'example.com/app@ ((devel)) app',
      'example.com/greet@1.2.3',
      'example.com/local@ (=> ../local)',
    ]);
    expect(result.packages[2]).toEqual({
      ecosystem: 'Go',
      name: 'example.com/greet',
      version: '1.2.3',
      resolved: true,
      purl: 'pkg:golang/example.com/greet@v1.2.3',
      source: { path: 'usr/local/bin/app' },
      key: 'example.com/greet@1.2.3',
      evidence: 'go-buildinfo',
      confidence: 'high',
    });
    expect(result.packages[0]?.purl).toBe('pkg:golang/stdlib@v1.19.8');
  });

  it('reads a 32-bit big-endian (mips) binary', () => {
    const result = readBinary({ path: 'hello', content: readFileSync(join(GO, 'hello-mips')) });
    expect(result.diagnostics).toEqual([]);
    expect(summary(result)).toEqual(['stdlib@1.19.8', 'example.com/hello@ ((devel)) app']);
  });

  it('finds the build information by scanning when the section headers are gone', () => {
    const content = Buffer.from(readFileSync(join(GO, 'app')));
    content.writeUInt16LE(0, 0x3c);
    expect(summary(readBinary({ path: 'app', content }))).toContain('example.com/greet@1.2.3');
  });
});

describe('readBinary on both build information formats', () => {
  it.each([
    [64, true],
    [64, false],
    [32, true],
    [32, false],
  ] as const)('reads the pre-1.18 pointer format (%i-bit, little-endian %s)', (bits, le) => {
    const blob = pointerBuildInfo('go1.16.15', framedModInfo(MODINFO), bits === 64 ? 8 : 4, le);
    const result = readBinary({ path: 'old', content: goElf(bits, le, blob) });
    expect(result.diagnostics).toEqual([]);
    expect(summary(result)).toEqual([
      'stdlib@1.16.15',
      'example.com/cmd@1.4.0 app',
      'golang.org/x/net@0.17.0',
    ]);
  });

  it('reads the inline format in data without a .go.buildinfo section', () => {
    const content = goElf(
      64,
      true,
      inlineBuildInfo('go1.22.1 X:boringcrypto', framedModInfo(MODINFO)),
      '.data',
    );
    expect(summary(readBinary({ path: 'x', content }))[0]).toBe('stdlib@1.22.1');
  });

  it('keeps a binary built outside module mode: the toolchain only', () => {
    const content = goElf(64, true, inlineBuildInfo('go1.20', Buffer.alloc(0)));
    expect(summary(readBinary({ path: 'x', content }))).toEqual(['stdlib@1.20.0']);
  });
});

describe('readBinary on hostile Go binaries', () => {
  const cases: [string, Buffer | ((addr: number) => Buffer), RegExp][] = [
    [
      'a length past the data',
      Buffer.concat([
        inlineBuildInfo('go1.21.0', Buffer.alloc(0)).subarray(0, 32),
        Buffer.from([0xff, 0xff, 0xff, 0x7f]),
      ]),
      /runs past the data/,
    ],
    [
      'an endless varint',
      Buffer.concat([inlineBuildInfo('go1.21.0', Buffer.alloc(0)).subarray(0, 32), Buffer.alloc(10, 0xff)]),
      /runs past/,
    ],
    ['no version', inlineBuildInfo('', Buffer.alloc(0)), /no Go version/],
    [
      'a bad pointer size',
      Buffer.concat([Buffer.from('\xff Go buildinf:', 'latin1'), Buffer.from([3, 0]), Buffer.alloc(16)]),
      /pointer size 3/,
    ],
    [
      'a pointer outside the file',
      Buffer.concat([
        Buffer.from('\xff Go buildinf:', 'latin1'),
        Buffer.from([8, 0]),
        Buffer.alloc(16, 0x7f),
      ]),
      /outside the file/,
    ],
    ['a section holding no header', Buffer.from('nothing here'), /holds no build information header/],
  ];

  it.each(cases)('reports %s', (_, data, message) => {
    const result = readBinary({ path: 'bad', content: goElf(64, true, data) });
    expect(result.packages).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'binary-corrupt',
        path: 'bad',
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it('reports a string claiming gigabytes in the pointer format', () => {
    const blob = (addr: number) => {
      const b = pointerBuildInfo('go1.16', Buffer.alloc(0), 8, true)(addr);
      b.writeBigUInt64LE(1n << 40n, 32 + 8);
      return b;
    };
    expect(readBinary({ path: 'x', content: goElf(64, true, blob) }).diagnostics[0]?.message).toMatch(
      /claims 1099511627776 bytes/,
    );
  });

  it('gives nothing, quietly, for a script or an ELF that is neither Go nor auditable Rust', () => {
    expect(readBinary({ path: 'x', content: Buffer.from('#!/bin/sh\necho hi\n') })).toEqual({
      packages: [],
      diagnostics: [],
    });
    const plain = buildElf({
      bits: 64,
      littleEndian: true,
      sections: [{ name: '.text', data: Buffer.alloc(64) }],
    });
    expect(readBinary({ path: 'x', content: plain.buffer })).toEqual({ packages: [], diagnostics: [] });
  });
});

describe('parseGoModInfo', () => {
  it('reads replacements, build settings, and reports bad lines while keeping the rest', () => {
    const problems = new Problems('bin/x');
    const info = parseGoModInfo(
      [
        'path\tex.com/x',
        'mod\tex.com/x\t(devel)\t',
        'dep\tex.com/a\tv1.0.0\th1:a=',
        '=>\tex.com/b\tv2.0.0\th1:b=',
        'dep\tonly-one-column',
        '=>\torphan\tv1\th1:o=',
        'build\t-ldflags="-s -w"',
        'build\tnokey',
        '',
      ].join('\n'),
      problems,
    );
    expect(info).toEqual({
      path: 'ex.com/x',
      main: { path: 'ex.com/x', version: '(devel)' },
      deps: [{ path: 'ex.com/a', version: 'v1.0.0', replace: { path: 'ex.com/b', version: 'v2.0.0' } }],
      settings: [['-ldflags', '"-s -w"']],
    });
    expect(problems.diagnostics().map((d) => d.message)).toEqual([
      'module info line 5: "dep" needs 2 or 3 columns',
      'module info line 6: a replacement needs a module on the line before and 3 columns',
      'module info line 8: a build setting needs key=value',
    ]);
  });
});

describe('goToolchainVersion', () => {
  it('converts Go release tags as OSV’s stdlib versions are written', () => {
    const cases = [
      'go1',
      'go1.20',
      'go1.21.5',
      'go1.21rc2',
      'go1.18beta1',
      'go1.22.0 X:nocoverageredesign',
      'devel go1.23-abc',
      'gccgo',
    ];
    expect(cases.map(goToolchainVersion)).toEqual([
      '1.0.0',
      '1.20.0',
      '1.21.5',
      '1.21.0-rc.2',
      '1.18.0-beta.1',
      '1.22.0',
      '',
      '',
    ]);
  });
});

/** `go version -m` output as name@version lines, the way readBinary names the modules. */
function goVersionM(binary: string): string[] {
  const out = spawnSync('go', ['version', '-m', binary], { encoding: 'utf8' }).stdout;
  const lines = out.split('\n').map((l) => l.replace(/^\t/, '').split('\t'));
  const plain = (v: string | undefined) => (v?.startsWith('v') ? v.slice(1) : '');
  const modules = lines.flatMap(([word, path, version], i) => {
    if (word !== 'mod' && word !== 'dep') return [];
    const [next, rpath, rversion] = lines[i + 1] ?? [];
    if (next !== '=>') return [`${path}@${plain(version)}`];
    return rversion === '(devel)' || rversion === '' ? [`${path}@`] : [`${rpath}@${plain(rversion)}`];
  });
  return [`stdlib@${goToolchainVersion(out.split('\n')[0]!.split(': ')[1]!)}`, ...modules];
}

const hasGo = spawnSync('go', ['version']).status === 0;
const BIN_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin'];

describe.skipIf(!hasGo)('readBinary on this machine’s Go programs, checked against go version -m', () => {
  it('lists the same modules as the Go toolchain for every Go binary found', () => {
    const checked: string[] = [];
    for (const dir of BIN_DIRS.filter(existsSync)) {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const st = statSync(path, { throwIfNoEntry: false });
        if (!st?.isFile() || st.size > 256 << 20 || st.size < 1 << 20) continue;
        const result = readBinary({ path, content: readFileSync(path) });
        if (result.packages[0]?.name !== 'stdlib') continue;
        expect(result.diagnostics, path).toEqual([]);
        expect(
          result.packages.map((p) => `${p.name}@${p.version}`),
          path,
        ).toEqual(goVersionM(path));
        checked.push(path);
      }
    }
    expect(checked.length).toBeGreaterThan(0);
  });
});
