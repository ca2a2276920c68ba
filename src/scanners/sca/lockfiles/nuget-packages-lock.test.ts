import { describe, expect, it } from 'vitest';
import { nugetPackagesLockParser as parser } from './nuget-packages-lock.js';
import { LockfileError, type LockfileInput, MAX_LOCKFILE_BYTES } from './parser.js';

const HASH = '+/qI1j2oU1S4/nvxb2k/wDsol00iGf1AyJX5g3epV7eOpQEP/2xcgh/cxgKMeFgn3U2fmgSiBnQZdkV+l5y0Uw==';

function input(doc: unknown): LockfileInput {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
  return { path: 'src/App/packages.lock.json', text, readFile: () => undefined };
}

const LOCK = {
  version: 1,
  dependencies: {
    'net6.0': {
      'Newtonsoft.Json': {
        type: 'Direct',
        requested: '[13.0.3, )',
        resolved: '13.0.3',
        contentHash: HASH,
        dependencies: { 'System.Memory': '4.5.0' },
      },
      'System.Memory': { type: 'Transitive', resolved: '4.5.5', contentHash: 'not base64' },
      'App.Core': { type: 'Project', dependencies: { 'Newtonsoft.Json': '[13.0.3, )' } },
    },
    'net8.0': {
      'Newtonsoft.Json': { type: 'Direct', requested: '[13.0.3, )', resolved: '13.0.3', contentHash: HASH },
      'System.Memory': { type: 'CentralTransitive', requested: '[4.5.5, )', resolved: '4.5.5' },
    },
  },
};

describe('packages.lock.json parser', () => {
  it('matches packages.lock.json only', () => {
    expect(parser.matches('src/App/packages.lock.json')).toBe(true);
    expect(parser.matches('package-lock.json')).toBe(false);
  });

  it('merges each package across target frameworks, skipping project references', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.key, p.name, p.version, p.direct, p.groups])).toEqual([
      ['newtonsoft.json@13.0.3', 'Newtonsoft.Json', '13.0.3', true, ['net6.0', 'net8.0']],
      ['system.memory@4.5.5', 'System.Memory', '4.5.5', false, ['net6.0', 'net8.0']],
    ]);
    expect(packages.every((p) => p.ecosystem === 'NuGet' && p.resolved && !('dev' in p))).toBe(true);
  });

  it('decodes the base64 SHA-512 content hash to hex and ignores malformed ones', () => {
    const [json, memory] = parser.parse(input(LOCK)).packages;
    expect(json!.hashes).toEqual([{ alg: 'SHA-512', value: Buffer.from(HASH, 'base64').toString('hex') }]);
    expect(json!.hashes![0]!.value).toMatch(/^[0-9a-f]{128}$/);
    expect(memory!.hashes).toBeUndefined();
  });

  it('links dependencies to the version locked in the same framework', () => {
    const [json] = parser.parse(input(LOCK)).packages;
    expect(json!.dependsOn).toEqual(['system.memory@4.5.5']);
    expect(json!.purl).toContain('13.0.3');
  });

  it('reports an entry without a resolved version as unresolved, with what was requested', () => {
    const lock = {
      version: 2,
      dependencies: { 'net8.0': { A: { type: 'Direct', requested: '[1.0.0, )' } } },
    };
    const { packages, warnings } = parser.parse(input(lock));
    expect(packages.map((p) => [p.version, p.resolved, p.constraint])).toEqual([['', false, '[1.0.0, )']]);
    expect(warnings).toEqual([{ message: 'A (net8.0) has no resolved version' }]);
  });

  it('warns about unknown lockfile versions and fails on files that are not a lockfile', () => {
    expect(parser.parse(input({ version: 9, dependencies: {} })).warnings[0]!.message).toMatch(/version 9/);
    expect(() => parser.parse(input('not\njson'))).toThrow(LockfileError);
    expect(() => parser.parse(input({ version: 1 }))).toThrow(/no "dependencies" object/);
    expect(() => parser.parse(input('[1, 2]'))).toThrow(/no "dependencies" object/);
    expect(() => parser.parse(input(JSON.stringify(LOCK).slice(0, 100)))).toThrow(/not valid JSON/);
  });

  it('survives hostile input: deep nesting and oversized text', () => {
    const deep = `{"version":1,"dependencies":{"net8.0":{"A":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}}`;
    expect(parser.parse(input(deep)).packages.map((p) => p.resolved)).toEqual([false]);
    expect(() => parser.parse(input(' '.repeat(MAX_LOCKFILE_BYTES + 1)))).toThrow(/larger than/);
  });
});
