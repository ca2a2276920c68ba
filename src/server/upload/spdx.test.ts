import { describe, expect, it } from 'vitest';
import type { ScanUpload } from '../../store/upload.js';
import { readUpload } from './read.js';
import { fixture, uploadError } from './test-fixtures.js';

const context = { project: 'shop', branch: 'main' };
const read = (name: string): ScanUpload => readUpload(fixture(`spdx/${name}`), context);
const doc = (fields: object): ScanUpload =>
  readUpload(
    Buffer.from(JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', ...fields })),
    context,
  );

describe('SPDX', () => {
  it('reads the packages of a Syft document as components, not the directory it describes', () => {
    const u = read('syft-2.3.json');
    expect(u.source).toBe('spdx');
    expect(u.scanners).toEqual([{ name: 'sbom', status: 'ok', findings: 0 }]);
    expect(u.findings).toEqual([]);
    expect(u.toolVersion).toBe('syft-0.104.0');
    expect(u.components).toEqual([
      {
        ecosystem: 'PyPI',
        name: 'django',
        version: '4.2.7',
        purl: 'pkg:pypi/django@4.2.7',
        licenses: ['BSD-3-Clause'],
      },
      {
        ecosystem: 'Maven',
        name: 'org.apache.logging.log4j:log4j-core',
        version: '2.14.1',
        purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        licenses: ['Apache-2.0'],
      },
      {
        ecosystem: 'Alpine',
        name: 'musl',
        version: '1.2.4-r2',
        purl: 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.0',
        licenses: ['MIT'],
      },
      { ecosystem: 'unknown', name: 'vendored-chart-lib', version: '0.3.1' },
    ]);
  });

  it('reads the SPDX 2.2 example document', () => {
    const u = read('SPDXJSONExample-v2.2.spdx.json');
    expect(u.components!.map((c) => [c.ecosystem, c.name, c.version])).toEqual([
      ['unknown', 'Apache Commons Lang', ''],
      ['Maven', 'org.apache.jena:apache-jena', '3.12.0'],
      ['unknown', 'Saxon', '8.8'],
    ]);
    expect(u.finishedAt).toBe('2010-01-29T18:30:22Z');
  });

  it('keeps a described package that has a purl (an image SBOM describes the image)', () => {
    const u = doc({
      documentDescribes: ['SPDXRef-img'],
      packages: [
        {
          SPDXID: 'SPDXRef-img',
          name: 'shop-api',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:oci/shop-api@sha256%3Aabc',
            },
          ],
        },
      ],
    });
    expect(u.components).toEqual([
      { ecosystem: 'oci', name: 'shop-api', version: 'sha256:abc', purl: 'pkg:oci/shop-api@sha256:abc' },
    ]);
  });

  it('refuses other versions, and names bad packages by path', () => {
    const v3 = uploadError(() => doc({ spdxVersion: 'SPDX-3.0' }));
    expect([v3.code, v3.message]).toEqual([
      'unsupported_format',
      'spdxVersion "SPDX-3.0" is not supported (SPDX-2.x JSON is; SPDX 3 is not yet)',
    ]);
    expect(
      uploadError(() =>
        doc({
          packages: [
            { SPDXID: 'a', name: 'a' },
            { SPDXID: 'b', name: ['b'] },
          ],
        }),
      ).message,
    ).toBe('SPDX packages[1].name: expected a string, found an array');
    expect(
      uploadError(() => doc({ packages: [{ SPDXID: 'a', name: 'a', externalRefs: 'pkg:npm/a' }] })).message,
    ).toBe('SPDX packages[0].externalRefs: expected an array, found a string');
  });
});
