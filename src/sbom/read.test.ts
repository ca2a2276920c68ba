import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Package } from '../core/package.js';
import { toCycloneDx } from './cyclonedx-write.js';
import { SbomError } from './errors.js';
import { readSbom } from './read.js';
import { toSpdx } from './spdx-write.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sca/sbom');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const PACKAGES: Package[] = JSON.parse(fixture('packages.json'));
const META = { rootName: 'shop', tool: { name: 'gatehouse', version: '0.1.0' } };

const sorted = (packages: readonly Package[]) =>
  [...packages].sort((a, b) => `${a.source.path}\0${a.key}`.localeCompare(`${b.source.path}\0${b.key}`));
const byName = (packages: readonly Package[], name: string) => packages.find((p) => p.name === name);

describe('readSbom: CycloneDX', () => {
  it('reads back exactly the packages Gatehouse wrote', () => {
    const { packages, format, specVersion, warnings } = readSbom(
      JSON.stringify(toCycloneDx(PACKAGES, META)),
      'sbom.json',
    );
    expect({ format, specVersion, warnings }).toEqual({
      format: 'cyclonedx',
      specVersion: '1.6',
      warnings: [],
    });
    const expected = PACKAGES.map((p) => (p.dependsOn ? { ...p, dependsOn: [...p.dependsOn].sort() } : p));
    expect(sorted(packages)).toEqual(sorted(expected));
  });

  it('reads a 1.2 BOM: nested components, license ids, expressions and names, the root’s direct dependencies', () => {
    const { packages, warnings } = readSbom(fixture('cyclonedx-1.2.json'), 'legacy/bom.json');
    expect(packages.map((p) => p.purl)).toEqual([
      'pkg:npm/lodash@4.17.20',
      'pkg:maven/org.springframework/spring-core@5.3.18?type=jar',
      'pkg:maven/org.springframework/spring-jcl@5.3.18',
    ]);
    expect(byName(packages, 'lodash')).toEqual({
      ecosystem: 'npm',
      name: 'lodash',
      version: '4.17.20',
      resolved: true,
      purl: 'pkg:npm/lodash@4.17.20',
      direct: true,
      key: 'pkg:npm/lodash@4.17.20',
      source: { path: 'legacy/bom.json' },
      licenses: ['MIT'],
      hashes: [{ alg: 'SHA-1', value: 'b44a9b6297bcb698f1c51a3545a2b3b368d59c52' }],
    });
    const core = byName(packages, 'org.springframework:spring-core')!;
    expect(core).toMatchObject({
      direct: true,
      licenses: ['Apache-2.0'],
      dependsOn: ['spring-jcl'],
      key: 'spring',
    });
    expect(byName(packages, 'org.springframework:spring-jcl')).toMatchObject({
      direct: false,
      licenses: ['Apache-2.0'],
    });
    expect(warnings).toEqual([
      { message: '1 component(s) skipped, no purl: internal-utils@1.0.0' },
      { message: '1 component(s) skipped, purl type "oci" has no vulnerability database: alpine@3.19' },
    ]);
  });

  it('reads a 1.4 BOM: scopes for dev and optional, OS packages, edges to unknown refs dropped', () => {
    const { packages, warnings } = readSbom(fixture('cyclonedx-1.4.json'), 'bom.json');
    expect(warnings).toEqual([]);
    expect(byName(packages, 'jest')).toMatchObject({ dev: true });
    expect(byName(packages, 'jest')?.dependsOn).toBeUndefined();
    expect(byName(packages, 'jest')?.direct).toBeUndefined();
    expect(byName(packages, 'fsevents')).toMatchObject({ dev: false, groups: ['optional'] });
    expect(byName(packages, 'openssl')).toMatchObject({ ecosystem: 'Ubuntu', licenses: ['Apache-2.0'] });
    expect(byName(packages, 'musl')).toMatchObject({ ecosystem: 'Alpine', version: '1.2.4-r2' });
  });

  it('reads a 1.7 BOM, keeping declared licenses over concluded ones', () => {
    const { packages, specVersion } = readSbom(fixture('cyclonedx-1.7.json'), 'bom.json');
    expect(specVersion).toBe('1.7');
    expect(packages).toMatchObject([{ ecosystem: 'PyPI', name: 'requests', licenses: ['Apache-2.0'] }]);
  });

  it('reads the specification’s valid 1.6 example BOM', () => {
    const { packages, warnings } = readSbom(
      fixture('cyclonedx-examples/valid-bom-1.6.json'),
      'valid-bom-1.6.json',
    );
    expect(packages.map((p) => [p.name, p.version, p.licenses])).toEqual([
      ['com.acme:tomcat-catalina', '9.0.14', ['Apache-2.0']],
      ['com.example:myapplication', '1.0.0', ['EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0']],
      ['com.example:myframework', '1.0.0', ['Some random license']],
    ]);
    expect(byName(packages, 'com.acme:tomcat-catalina')?.dependsOn).toEqual([
      'pkg:maven/com.example/myapplication@1.0.0?packaging=war',
    ]);
    expect(byName(packages, 'com.acme:tomcat-catalina')?.hashes).toHaveLength(4);
    expect(warnings).toEqual([]);
  });

  it('reads the specification’s other example BOMs or refuses them with a reason', () => {
    const outcomes: Record<string, string> = {};
    for (const file of readdirSync(join(FIXTURES, 'cyclonedx-examples')).sort()) {
      try {
        const { packages, warnings } = readSbom(fixture(`cyclonedx-examples/${file}`), file);
        outcomes[file] = `${packages.length} packages, ${warnings.length} warnings`;
      } catch (err) {
        expect(err).toBeInstanceOf(SbomError);
        outcomes[file] = (err as Error).message;
      }
    }
    expect(outcomes).toEqual({
      'invalid-bomformat-1.6.json':
        'invalid-bomformat-1.6.json: bomFormat: Invalid input: expected "CycloneDX"',
      'invalid-component-type-1.6.json': '0 packages, 1 warnings',
      'invalid-dependency-1.6.json':
        'invalid-dependency-1.6.json: dependencies[0].ref: Invalid input: expected string, received undefined',
      'invalid-empty-component-1.6.json':
        'invalid-empty-component-1.6.json: components[0].name: Invalid input: expected string, received undefined',
      'invalid-hash-alg-1.6.json': '0 packages, 1 warnings',
      'invalid-license-choice-1.6.json': '0 packages, 1 warnings',
      'invalid-missing-component-type-1.6.json': '0 packages, 1 warnings',
      'invalid-scope-1.6.json': '0 packages, 1 warnings',
      'valid-bom-1.6.json': '3 packages, 0 warnings',
      'valid-component-hashes-1.6.json': '0 packages, 1 warnings',
      'valid-dependency-1.6.json': '0 packages, 1 warnings',
      'valid-license-expression-1.6.json': '1 packages, 0 warnings',
      'valid-license-id-1.6.json': '1 packages, 0 warnings',
      'valid-license-name-1.6.json': '1 packages, 0 warnings',
      'valid-metadata-tool-1.6.json': '0 packages, 0 warnings',
      'valid-minimal-viable-1.6.json': '0 packages, 1 warnings',
    });
  });
});

describe('readSbom: SPDX', () => {
  it('reads back the packages Gatehouse wrote, as far as SPDX can carry them', () => {
    const { packages, format, specVersion, warnings } = readSbom(
      JSON.stringify(toSpdx(PACKAGES, META)),
      'sbom.spdx.json',
    );
    expect({ format, specVersion, warnings }).toEqual({
      format: 'spdx',
      specVersion: 'SPDX-2.3',
      warnings: [],
    });
    // SPDX has no place for lockfile paths, keys, groups or constraints (keys become SPDXIDs);
    // several licenses become one AND expression; a package nothing depends on and that does
    // not say whether it is direct becomes a dependency of the project.
    const depended = new Set(PACKAGES.flatMap((p) => p.dependsOn ?? []));
    const view = (list: readonly Package[], keyToPurl: (key: string) => string | undefined) =>
      list
        .map((p) => ({
          purl: p.purl,
          version: p.version,
          licenses: p.licenses && p.licenses.length > 1 ? [p.licenses.join(' AND ')] : p.licenses,
          hashes: p.hashes,
          dev: p.dev === true,
          direct: p.direct ?? !depended.has(p.key),
          dependsOn: (p.dependsOn ?? []).map(keyToPurl).sort(),
        }))
        .sort((a, b) => a.purl.localeCompare(b.purl) || Number(a.direct) - Number(b.direct));
    const written = view(
      PACKAGES,
      (key) => PACKAGES.find((p) => p.key === key && p.source.path === 'package-lock.json')?.purl,
    );
    const read = view(packages, (key) => packages.find((p) => p.key === key)?.purl);
    expect(read).toEqual(written);
  });

  it('reads the SPDX 2.2 example: purls with PACKAGE_MANAGER, LicenseRef names, described packages', () => {
    const { packages, warnings } = readSbom(fixture('SPDXJSONExample-v2.2.spdx.json'), 'example.spdx.json');
    expect(packages).toEqual([
      {
        ecosystem: 'Maven',
        name: 'org.apache.jena:apache-jena',
        version: '3.12.0',
        resolved: true,
        purl: 'pkg:maven/org.apache.jena/apache-jena@3.12.0',
        key: 'SPDXRef-fromDoap-0',
        source: { path: 'example.spdx.json' },
      },
    ]);
    expect(warnings).toEqual([
      { message: '2 component(s) skipped, no purl: Apache Commons Lang, Saxon@8.8' },
    ]);
  });

  it('turns relationships into dependsOn, direct and dev', () => {
    const pkg = (id: string, name: string) => ({
      SPDXID: id,
      name,
      versionInfo: '1.0.0',
      downloadLocation: 'NOASSERTION',
      licenseDeclared: id === 'SPDXRef-b' ? 'LicenseRef-x' : 'NOASSERTION',
      licenseConcluded: id === 'SPDXRef-a' ? 'MIT' : 'NOASSERTION',
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: `pkg:npm/${name}@1.0.0`,
        },
      ],
    });
    const doc = {
      spdxVersion: 'SPDX-2.2',
      SPDXID: 'SPDXRef-DOCUMENT',
      documentDescribes: ['SPDXRef-app'],
      packages: [
        { SPDXID: 'SPDXRef-app', name: 'app' },
        pkg('SPDXRef-a', 'a'),
        pkg('SPDXRef-b', 'b'),
        pkg('SPDXRef-c', 'c'),
      ],
      hasExtractedLicensingInfos: [{ licenseId: 'LicenseRef-x', name: 'Acme EULA', extractedText: '...' }],
      relationships: [
        { spdxElementId: 'SPDXRef-app', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-a' },
        { spdxElementId: 'SPDXRef-b', relationshipType: 'DEPENDENCY_OF', relatedSpdxElement: 'SPDXRef-a' },
        {
          spdxElementId: 'SPDXRef-c',
          relationshipType: 'DEV_DEPENDENCY_OF',
          relatedSpdxElement: 'SPDXRef-app',
        },
        { spdxElementId: 'SPDXRef-a', relationshipType: 'CONTAINS', relatedSpdxElement: 'SPDXRef-c' },
      ],
    };
    const { packages, warnings } = readSbom(JSON.stringify(doc), 'doc.json');
    expect(warnings).toEqual([]);
    expect(byName(packages, 'a')).toMatchObject({
      direct: true,
      dev: false,
      dependsOn: ['SPDXRef-b'],
      licenses: ['MIT'],
    });
    expect(byName(packages, 'b')).toMatchObject({ direct: false, dev: false, licenses: ['Acme EULA'] });
    expect(byName(packages, 'c')).toMatchObject({ direct: true, dev: true });
    expect(byName(packages, 'app')).toBeUndefined();
  });
});

describe('readSbom: hostile and broken input', () => {
  const fails = (text: string, message: RegExp, options = {}) => {
    expect(() => readSbom(text, 'evil/sbom.json', options)).toThrow(SbomError);
    expect(() => readSbom(text, 'evil/sbom.json', options)).toThrow(message);
  };
  const bom = (extra: object) => JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', ...extra });

  it('names the file in every error', () => {
    fails('', /^evil\/sbom\.json: not valid JSON/);
  });

  it('refuses what is not JSON, or not an SBOM', () => {
    fails('{"bomFormat": "CycloneDX", "specVersion": "1.6", "compo', /evil\/sbom\.json: not valid JSON/);
    fails('\u0000\u0001binary\uFFFD', /not valid JSON/);
    fails(
      '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>',
      /XML SBOMs are not supported/,
    );
    fails('SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n', /SPDX tag-value and YAML are not supported/);
    fails('spdxVersion: SPDX-2.3\n', /tag-value and YAML are not supported/);
    fails('[]', /not an SBOM: the JSON is not an object/);
    fails('null', /not an SBOM/);
    fails('{"name": "x"}', /neither CycloneDX \("bomFormat"\) nor SPDX/);
    fails(
      '{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"}',
      /SPDX 3 JSON-LD is not supported/,
    );
  });

  it('refuses unsupported versions', () => {
    fails(
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.1' }),
      /specVersion "1.1" is not supported/,
    );
    fails(JSON.stringify({ spdxVersion: 'SPDX-2.1' }), /spdxVersion "SPDX-2.1" is not supported/);
    const { warnings } = readSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.8' }), 'x.json');
    expect(warnings).toEqual([{ message: 'CycloneDX 1.8 is newer than 1.7; read as 1.7' }]);
  });

  it('refuses wrong types, naming where they are', () => {
    fails(bom({ components: 'everything' }), /evil\/sbom\.json: components: Invalid input: expected array/);
    fails(bom({ components: [{ type: 'library', name: 5 }] }), /components\[0\]\.name: .*expected string/);
    fails(bom({ components: [{ name: 'a', purl: ['pkg:npm/a@1'] }] }), /components\[0\]\.purl/);
    fails(bom({ components: [{ name: 'a', licenses: {} }] }), /components\[0\]\.licenses/);
    fails(
      bom({ components: [{ name: 'a', components: [{ name: 'b', hashes: [{ alg: 1 }] }] }] }),
      /components\[0\]\.components\[0\]\.hashes\[0\]\.alg/,
    );
    fails(bom({ dependencies: [{ ref: 'a', dependsOn: 'b' }] }), /dependencies\[0\]\.dependsOn/);
    fails(
      JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: [{ SPDXID: 'SPDXRef-a' }] }),
      /packages\[0\]\.name/,
    );
    fails(JSON.stringify({ spdxVersion: 'SPDX-2.3', relationships: 'none' }), /relationships/);
  });

  it('refuses components nested deeper than real BOMs go', () => {
    const depth = 100_000;
    const nested = `${'{"name":"c","components":['.repeat(depth)}{"name":"leaf"}${']}'.repeat(depth)}`;
    fails(
      `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[${nested}]}`,
      /components nested more than 32 levels deep/,
    );
  });

  it('survives deeply nested JSON where it reads nothing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { packages } = readSbom(`{"bomFormat":"CycloneDX","specVersion":"1.6","extra":${deep}}`, 'x.json');
    expect(packages).toEqual([]);
    fails(
      `{"bomFormat":"CycloneDX","specVersion":"1.6","components":${deep}}`,
      /components\[0\]: Invalid input: expected object/,
    );
  });

  it('refuses documents over the size limit before parsing them', () => {
    fails(bom({ components: [] }), /larger than 10 bytes; refusing to parse it/, { maxBytes: 10 });
    // 62 characters, 122 bytes of UTF-8.
    fails(`{"bomFormat":"CycloneDX","x":"${'€'.repeat(30)}"}`, /larger than 100 bytes/, { maxBytes: 100 });
  });

  it('writes and reads a 20,000-package BOM without hanging', () => {
    const many: Package[] = Array.from({ length: 20_000 }, (_, i) => ({
      ecosystem: 'npm',
      name: `pkg-${i}`,
      version: '1.0.0',
      resolved: true,
      purl: `pkg:npm/pkg-${i}@1.0.0`,
      source: { path: 'package-lock.json' },
      key: `node_modules/pkg-${i}`,
      licenses: ['MIT'],
      dependsOn: i > 0 ? [`node_modules/pkg-${i - 1}`] : [],
    }));
    // CPU time, not wall time: the test machine may be shared.
    const cpu = () => process.cpuUsage().user / 1000;
    const started = cpu();
    const text = JSON.stringify(toCycloneDx(many, META));
    const written = cpu();
    const { packages } = readSbom(text, 'big.json');
    const read = cpu();
    expect(packages).toHaveLength(20_000);
    expect(written - started).toBeLessThan(30_000); // hang guard: speed is measured in bench/
    expect(read - written).toBeLessThan(30_000); // hang guard: speed is measured in bench/
  });
});
