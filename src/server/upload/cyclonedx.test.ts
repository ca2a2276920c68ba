import { describe, expect, it } from 'vitest';
import type { ScanUpload } from '../../store/upload.js';
import { readUpload } from './read.js';
import { fixture, uploadError } from './test-fixtures.js';

const context = { project: 'shop', branch: 'main' };
const read = (name: string): ScanUpload => readUpload(fixture(`cyclonedx/${name}`), context);
const bom = (doc: object): ScanUpload =>
  readUpload(Buffer.from(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', ...doc })), context);

describe('CycloneDX', () => {
  const image = read('image-1.5.json');

  it('is an SBOM scan: source cyclonedx, the sbom scanner only (it never closes code findings)', () => {
    expect(image.source).toBe('cyclonedx');
    expect(image.scanners).toEqual([{ name: 'sbom', status: 'ok', findings: 4 }]);
    expect(image.toolVersion).toBe('trivy@0.49.1');
    expect(image.finishedAt).toBe('2024-03-11T09:20:00+00:00');
  });

  it('lists components, nested ones included, but not the subject of the BOM', () => {
    expect(image.components!.map((c) => [c.ecosystem, c.name, c.version])).toEqual([
      ['unknown', 'debian', '12.5'],
      ['Debian', 'openssl', '3.0.11-1~deb12u2'],
      ['npm', '@babel/traverse', '7.22.5'],
      ['npm', 'lodash', '4.17.20'],
      ['Go', 'golang.org/x/net', 'v0.17.0'],
      ['unknown', 'shop-api', '1.4.2'],
      ['generic', 'tini', '0.19.0'],
    ]);
    expect(image.components!.find((c) => c.name === 'lodash')!.licenses).toEqual(['MIT']);
    expect(image.components!.find((c) => c.name === 'openssl')!.licenses).toEqual(['Apache-2.0']);
  });

  it('turns vulnerabilities into dependency findings, one per affected component', () => {
    expect(
      image.findings.map((f) => [f.vulnerability!.id, f.vulnerability!.package.name, f.severity]),
    ).toEqual([
      ['CVE-2023-45133', '@babel/traverse', 'critical'],
      ['CVE-2021-23337', 'lodash', 'high'],
      ['CVE-2024-0727', 'openssl', 'medium'],
      ['CVE-2024-0727', 'libssl3', 'medium'],
    ]);
    const babel = image.findings[0]!;
    expect(babel).toMatchObject({
      scanner: 'sca',
      ruleId: 'sca/vulnerable-dependency',
      confidence: 'high',
      location: { path: 'pkg:npm/%40babel/traverse@7.22.5' },
      remediation: 'Upgrade @babel/traverse to version 7.23.2 or later.',
      vulnerability: {
        aliases: ['GHSA-67hx-6x53-jw92'],
        package: {
          ecosystem: 'npm',
          name: '@babel/traverse',
          version: '7.22.5',
          purl: 'pkg:npm/%40babel/traverse@7.22.5',
        },
        cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', score: 9.3 },
        published: '2023-10-12T17:15:09+00:00',
      },
    });
    expect(babel.cwe).toEqual(['CWE-184', 'CWE-697', 'CWE-1395']);
    expect(babel.references).toEqual([
      'https://github.com/advisories/GHSA-67hx-6x53-jw92',
      'https://babeljs.io/blog/2023/10/16/cve-2023-45133',
    ]);
    expect(babel.message).toBe(
      '@babel/traverse@7.22.5 is affected by CVE-2023-45133 (GHSA-67hx-6x53-jw92): Babel vulnerable to arbitrary code execution when compiling specifically crafted malicious code',
    );
  });

  it('records the VEX state, and leaves out what VEX says is not a problem', () => {
    expect(image.findings.find((f) => f.vulnerability!.id === 'CVE-2021-23337')!.properties).toEqual({
      vexState: 'exploitable',
    });
    expect(image.findings.some((f) => f.vulnerability!.id === 'CVE-2023-44487')).toBe(false);
    expect(read('valid-vulnerability-1.6.json').findings).toEqual([]);
  });

  it('says when no rating gave a severity', () => {
    const openssl = image.findings.find((f) => f.vulnerability!.package.name === 'openssl')!;
    expect(openssl.properties).toEqual({ severitySource: 'unknown' });
  });

  it('gives each vulnerability of each package its own stable key', () => {
    expect(new Set(image.findings.map((f) => f.fingerprint)).size).toBe(4);
    expect(read('image-1.5.json').findings.map((f) => f.fingerprint)).toEqual(
      image.findings.map((f) => f.fingerprint),
    );
  });

  it('reads the CycloneDX example BOM with nested components and licenses', () => {
    const u = read('valid-bom-1.6.json');
    expect(u.components!.map((c) => c.name)).toEqual([
      'com.acme:tomcat-catalina',
      'com.example:myapplication',
      'com.example:myframework',
    ]);
    expect(u.components![1]!.licenses).toEqual(['EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0']);
  });

  it('reads a vulnerability without affects or id as one finding without a package', () => {
    const u = bom({
      vulnerabilities: [{ references: [{ id: 'GHSA-xxxx-yyyy-zzzz' }], ratings: [{ score: 5 }] }],
    });
    expect(u.findings).toHaveLength(1);
    expect(u.findings[0]).toMatchObject({
      severity: 'medium',
      location: { path: 'sbom' },
      vulnerability: { id: 'GHSA-xxxx-yyyy-zzzz' },
    });
  });

  it('reads a BOM with no components', () => {
    expect(bom({}).components).toEqual([]);
  });

  it('refuses spec versions before 1.2, and names bad components by path', () => {
    const old = uploadError(() => bom({ specVersion: '1.1' }));
    expect([old.code, old.message]).toEqual([
      'unsupported_format',
      'CycloneDX specVersion "1.1" is not supported (JSON BOMs 1.2 and later are)',
    ]);
    const nameless = uploadError(() =>
      bom({ components: [{ name: 'a' }, { components: [{ version: '1' }], name: 'b' }] }),
    );
    expect([nameless.code, nameless.message]).toEqual([
      'invalid_report',
      'CycloneDX components[1].components[0].name: missing: every component has a name',
    ]);
    expect(uploadError(() => bom({ components: [{ name: 'a', purl: 7 }] })).message).toBe(
      'CycloneDX components[0].purl: expected a string, found a number',
    );
    expect(uploadError(() => bom({ vulnerabilities: {} })).message).toBe(
      'CycloneDX vulnerabilities: expected an array, found an object',
    );
  });
});
