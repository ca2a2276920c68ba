import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../osv.js';
import { validateRecord } from '../validate.js';
import { corpusFile, MTIME } from './fixture.js';
import { convertRustsec, isRustsec } from './rustsec.js';

const convert = (rel: string) => convertRustsec(corpusFile(`rustsec/${rel}`));
const only = (rel: string) => convert(rel).records[0] as OsvRecord;
const md = (toml: string, body = '# Title\n\nText.') => ({
  path: 'x.md',
  text: `\`\`\`toml\n${toml}\n\`\`\`\n\n${body}`,
  mtime: MTIME,
});

describe('RustSec converter', () => {
  it('turns patched requirement lists into the affected gaps', () => {
    const r = only('crates/wasmtime/RUSTSEC-2022-0076.md');
    expect(r.affected).toEqual([
      {
        package: { ecosystem: 'crates.io', name: 'wasmtime' },
        ranges: [
          { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.2' }] },
          { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.0.2' }] },
        ],
        ecosystem_specific: {
          affects: {
            functions: [
              'wasmtime::PoolingAllocationConfig::instance_memory_pages',
              'wasmtime::Config::allocation_strategy',
            ],
          },
        },
      },
    ]);
    expect(r).toMatchObject({
      id: 'RUSTSEC-2022-0076',
      published: '2022-11-10T00:00:00.000Z',
      modified: MTIME.toISOString(),
      aliases: ['CVE-2022-39392', 'GHSA-44mr-8vmm-wjhg'],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N' }],
    });
    expect(r.summary).toMatch(/^Bug in Wasmtime implementation of pooling/);
    expect(r.references?.[0]).toEqual({
      type: 'ADVISORY',
      url: 'https://rustsec.org/advisories/RUSTSEC-2022-0076.html',
    });
    expect(validateRecord(r).ok).toBe(true);
  });

  it('combines unaffected and patched', () => {
    expect(only('crates/aes-gcm/RUSTSEC-2023-0096.md').affected?.[0]?.ranges).toEqual([
      { type: 'SEMVER', events: [{ introduced: '0.10.0' }, { fixed: '0.10.3' }] },
    ]);
  });

  it('keeps withdrawn and informational advisories, marked', () => {
    const r = only('crates/markdown/RUSTSEC-2022-0044.md');
    expect(r.withdrawn).toBe('2025-04-28T00:00:00.000Z');
    expect(r.database_specific).toMatchObject({ informational: 'unmaintained' });
    expect(r.affected?.[0]?.ranges).toEqual([
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0-alpha.1' }] },
    ]);
  });

  it('leaves toolchain advisories out with a note', () => {
    expect(convert('rust/std/CVE-2015-20001.md')).toEqual({
      records: [],
      notes: [
        {
          reason: 'Rust toolchain advisory, not a crates.io package',
          subject: 'rustsec/rust/std/CVE-2015-20001.md',
        },
      ],
    });
  });

  it('uses the file time as modified, never earlier than the advisory date', () => {
    const r = convertRustsec({
      ...md(
        '[advisory]\nid = "RUSTSEC-2030-0001"\npackage = "x"\ndate = "2030-01-01"\n[versions]\npatched = []',
      ),
    }).records[0] as OsvRecord;
    expect(r.modified).toBe('2030-01-01T00:00:00.000Z');
    expect(r.affected?.[0]?.ranges).toEqual([{ type: 'SEMVER', events: [{ introduced: '0' }] }]);
  });

  it('recognises the front matter only at the start', () => {
    expect(isRustsec('```toml\n[advisory]\n```')).toBe(true);
    expect(isRustsec('# README\n```toml\n[advisory]\n```')).toBe(false);
  });

  it.each([
    ['no front matter', { path: 'x.md', text: '# nothing', mtime: MTIME }, /no ```toml/],
    ['bad TOML', md('[advisory\nid = 1'), /not valid TOML/],
    ['no [advisory]', md('[versions]\npatched = []'), /no \[advisory\]/],
    ['no id', md('[advisory]\npackage = "x"\ndate = "2020-01-01"'), /advisory.id/],
    ['bad date', md('[advisory]\nid = "R-1"\npackage = "x"\ndate = "soon"'), /advisory.date is not a date/],
    [
      'bad requirement',
      md('[advisory]\nid = "R-1"\npackage = "x"\ndate = "2020-01-01"\n[versions]\npatched = ["newer"]'),
      /versions: 'newer'/,
    ],
    [
      'patched not a list',
      md('[advisory]\nid = "R-1"\npackage = "x"\ndate = "2020-01-01"\n[versions]\npatched = ">= 1"'),
      /not a list/,
    ],
    ['deeply nested TOML', md(`[advisory]\nx = ${'['.repeat(50_000)}${']'.repeat(50_000)}`), /./],
  ])('fails clearly on %s', (_, file, message) => {
    expect(() => convertRustsec(file)).toThrow(message);
  });
});
