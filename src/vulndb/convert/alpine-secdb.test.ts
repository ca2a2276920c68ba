import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { OsvRecord } from '../osv.js';
import { validateRecord } from '../validate.js';
import { convertAlpineSecdb, isAlpineSecdb } from './alpine-secdb.js';
import { corpusFile, MTIME } from './fixture.js';

const file = corpusFile('alpine/v3.11/main.yaml');
const doc = YAML.parse(file.text, { schema: 'failsafe' });
const result = convertAlpineSecdb(doc, file);
const byId = (id: string) => (result.records as OsvRecord[]).find((r) => r.id === id);

describe('Alpine secdb converter', () => {
  it('makes one advisory per release, package and CVE', () => {
    expect((result.records as OsvRecord[]).map((r) => r.id).sort()).toEqual([
      'ALPINE-v3.11-libsndfile-CVE-2017-17434',
      'ALPINE-v3.11-libsndfile-CVE-2019-3832',
      'ALPINE-v3.11-sdl2-CVE-2019-5052',
      'ALPINE-v3.11-sdl2-CVE-2019-7572',
      'ALPINE-v3.11-tcpdump-CVE-2017-11108',
      'ALPINE-v3.11-tcpdump-CVE-2017-16808',
      'ALPINE-v3.11-tcpdump-CVE-2018-14468',
      'ALPINE-v3.11-wireshark-wnpa-sec-2017-42',
    ]);
    for (const r of result.records) expect(validateRecord(r).ok).toBe(true);
  });

  it('records the fixed version on the release ecosystem', () => {
    expect(byId('ALPINE-v3.11-tcpdump-CVE-2017-16808')).toEqual({
      id: 'ALPINE-v3.11-tcpdump-CVE-2017-16808',
      modified: MTIME.toISOString(),
      aliases: ['CVE-2017-16808'],
      summary: 'CVE-2017-16808 in tcpdump (Alpine v3.11), fixed in 4.9.3-r0',
      affected: [
        {
          package: { ecosystem: 'Alpine:v3.11', name: 'tcpdump' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.9.3-r0' }] }],
        },
      ],
      database_specific: { source: 'alpine-secdb' },
    });
  });

  it('takes every fix of a CVE fixed twice, and other trackers as aliases', () => {
    expect(byId('ALPINE-v3.11-libsndfile-CVE-2017-17434')?.affected?.[0]?.ranges).toHaveLength(2);
    expect(byId('ALPINE-v3.11-sdl2-CVE-2019-5052')?.aliases).toEqual(['CVE-2019-5052', 'TALOS-2019-0821']);
  });

  it('keeps version keys as written (1.10, not 1.1)', () => {
    expect(byId('ALPINE-v3.11-sdl2-CVE-2019-7572')?.affected?.[0]?.ranges?.[0]?.events[1]).toEqual({
      fixed: '1.10-r0',
    });
  });

  it('notes never-affected and unrecognised entries', () => {
    expect(result.notes).toEqual([
      { reason: 'listed as never affected (fixed in "0")', subject: 'sdl2 CVE-2019-9999' },
      { reason: 'secfixes entry names no CVE or tracker id', subject: 'wireshark: see the release notes' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reports malformed packages and releases without failing the file', () => {
    const bad = convertAlpineSecdb(
      {
        distroversion: 'v3.11',
        packages: [null, { pkg: { name: 1 } }, { pkg: { name: 'x', secfixes: [] } }],
      },
      file,
    );
    expect(bad.errors).toEqual([
      'packages[0]: expected pkg.name and a pkg.secfixes map',
      'packages[1]: expected pkg.name and a pkg.secfixes map',
      'packages[2]: expected pkg.name and a pkg.secfixes map',
    ]);
    expect(convertAlpineSecdb({ distroversion: '../../etc', packages: [] }, file).errors).toEqual([
      "distroversion '../../etc' is not an Alpine release",
    ]);
  });

  it('recognises a secdb document', () => {
    expect(isAlpineSecdb(doc)).toBe(true);
    expect(isAlpineSecdb({ id: 'x' })).toBe(false);
  });
});
