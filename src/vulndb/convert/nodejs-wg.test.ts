import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../osv.js';
import { validateRecord } from '../validate.js';
import { corpusFile, MTIME } from './fixture.js';
import { convertNodejsWg, isNodejsCore, isNodejsWg } from './nodejs-wg.js';

const load = (n: string) =>
  JSON.parse(corpusFile(`nodejs-wg/vuln/npm/${n}.json`).text) as Record<string, unknown>;
const convert = (doc: Record<string, unknown>) =>
  convertNodejsWg(doc, { path: 'x.json', text: '', mtime: MTIME });
const ranges = (doc: Record<string, unknown>) => (convert(doc).records[0] as OsvRecord).affected?.[0]?.ranges;

describe('Node.js security WG converter', () => {
  it('converts one npm advisory with its metadata', () => {
    const r = convert(load('500')).records[0] as OsvRecord;
    expect(r).toMatchObject({
      id: 'NSWG-ECO-500',
      modified: '2019-04-28T00:00:00.000Z',
      published: '2019-04-28T00:00:00.000Z',
      aliases: ['CVE-2019-5432'],
      summary: 'Buffer Over-read',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
    });
    expect(r.affected?.[0]?.package).toEqual({ ecosystem: 'npm', name: 'mqtt-packet' });
    expect(validateRecord(r).ok).toBe(true);
  });

  it('splits || alternatives into one range each', () => {
    expect(ranges(load('500'))).toEqual([
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '3.5.1' }] },
      { type: 'SEMVER', events: [{ introduced: '4.0.0' }, { fixed: '4.1.3' }] },
      { type: 'SEMVER', events: [{ introduced: '5.0.0' }, { fixed: '5.6.1' }] },
      { type: 'SEMVER', events: [{ introduced: '6.0.0' }, { fixed: '6.1.2' }] },
    ]);
  });

  it('keeps npm x-range semantics: 2.0.x ends before any 2.1.0 pre-release', () => {
    expect(ranges(load('11'))).toEqual([
      { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.1.0-0' }] },
      { type: 'SEMVER', events: [{ introduced: '2.1.0' }, { fixed: '2.2.0-0' }] },
    ]);
    expect(ranges(load('8'))).toEqual([
      // `<3.11` is npm's `<3.11.0-0`: no 3.11.0 pre-release is in it.
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '3.11.0-0' }] },
      { type: 'SEMVER', events: [{ introduced: '4.0.0' }, { fixed: '4.5.0-0' }] },
    ]);
  });

  it('expresses <=, > and exact versions', () => {
    expect(ranges(load('410'))).toEqual([
      { type: 'SEMVER', events: [{ introduced: '0' }, { last_affected: '1.0.0' }] },
    ]);
    const doc = { ...load('410'), vulnerable_versions: '>2.51.0 <=2.67.0 || =3.10.2 || *' };
    expect(ranges(doc)).toEqual([{ type: 'SEMVER', events: [{ introduced: '0' }] }]);
    expect(ranges({ ...doc, vulnerable_versions: '>2.51.0 <=2.67.0 || =3.10.2' })).toEqual([
      { type: 'SEMVER', events: [{ introduced: '2.51.1-0' }, { last_affected: '2.67.0' }] },
      { type: 'SEMVER', events: [{ introduced: '3.10.2' }, { last_affected: '3.10.2' }] },
    ]);
  });

  it.each([
    ['an unparsable range', 'version one', 'vulnerable_versions is not an npm range'],
    ['an empty range', '>2.0.0 <1.0.0', 'vulnerable_versions matches no version'],
    ['no range', null, 'no vulnerable_versions range'],
  ])('leaves out %s with a note', (_, value, reason) => {
    expect(convert({ ...load('410'), vulnerable_versions: value })).toEqual({
      records: [],
      notes: [{ reason, subject: 'NSWG-ECO-410' }],
    });
  });

  it('drops an invalid CVSS vector but keeps the score', () => {
    const r = convert({ ...load('410'), cvss_vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:U/A:U' })
      .records[0] as OsvRecord;
    expect(r.severity).toBeUndefined();
    expect(r.database_specific).toMatchObject({ cvss_score: 2 });
  });

  it('tells npm advisories from core ones', () => {
    expect(isNodejsWg(load('500'))).toBe(true);
    expect(isNodejsCore(JSON.parse(corpusFile('nodejs-wg/vuln/core/100.json').text))).toBe(true);
    expect(isNodejsWg({ id: 1 })).toBe(false);
  });

  it('refuses an entry without a numeric id', () => {
    expect(() => convert({ ...load('410'), id: '../x' })).toThrow(/id is not a number/);
  });
});
