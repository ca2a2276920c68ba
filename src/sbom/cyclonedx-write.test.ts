import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Package } from '../core/package.js';
import { toCycloneDx } from './cyclonedx-write.js';

// The package ships no type declarations.
const addFormatsDraft2019 = createRequire(import.meta.url)('ajv-formats-draft2019') as (
  ajv: InstanceType<typeof Ajv.default>,
  options: { formats: string[] },
) => void;

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/sca/sbom');
const PACKAGES: Package[] = JSON.parse(readFileSync(join(FIXTURES, 'packages.json'), 'utf8'));
const META = { rootName: 'shop', rootVersion: '1.2.0', tool: { name: 'gatehouse', version: '0.1.0' } };

/**
 * The official CycloneDX 1.6 schema as the CycloneDX library validates with it: the SPDX
 * license-id, JSF and cryptography schemas it references are registered under their $ids, so
 * nothing is fetched.
 */
function cycloneDxValidator() {
  const dir = join(
    dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')),
    'res/schema',
  );
  const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const ajv = new Ajv.default({
    strict: false,
    useDefaults: false,
    addUsedSchema: false,
    schemas: Object.fromEntries(
      ['spdx', 'jsf-0.82', 'cryptography-defs'].map((name) => [
        `http://cyclonedx.org/schema/${name}.SNAPSHOT.schema.json`,
        load(`${name}.SNAPSHOT.schema.json`),
      ]),
    ),
    loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
  });
  addFormats.default(ajv);
  addFormatsDraft2019(ajv, { formats: ['idn-email'] });
  ajv.addFormat('iri-reference', true);
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}

const validate = cycloneDxValidator();
const errors = (doc: unknown) => (validate(doc) ? [] : validate.errors);

// biome-ignore lint/suspicious/noExplicitAny: the BOM is inspected as plain JSON
type Any = any;
const component = (bom: Any, purl: string, path?: string): Any =>
  bom.components.find((c: Any) => c.purl === purl && (!path || c['bom-ref'] === `${purl}|${path}`));

describe('toCycloneDx', () => {
  it('the validator accepts the official valid examples and rejects the invalid ones', () => {
    const dir = join(FIXTURES, 'cyclonedx-examples');
    for (const file of readdirSync(dir)) {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(validate(doc), file).toBe(file.startsWith('valid-'));
    }
  });

  it('validates against the CycloneDX 1.6 schema', () => {
    expect(errors(toCycloneDx(PACKAGES, { ...META, timestamp: '2024-05-01T10:00:00.123Z' }))).toEqual([]);
    expect(
      errors(toCycloneDx(PACKAGES, { ...META, serialNumber: `urn:uuid:${crypto.randomUUID()}` })),
    ).toEqual([]);
    expect(errors(toCycloneDx([], { rootName: 'empty', tool: META.tool }))).toEqual([]);
  });

  it('is deterministic and independent of input order', () => {
    const a = JSON.stringify(toCycloneDx(PACKAGES, META));
    expect(JSON.stringify(toCycloneDx([...PACKAGES].reverse(), META))).toBe(a);
    const bom: Any = JSON.parse(a);
    expect(bom.serialNumber).toBeUndefined();
    expect(bom.metadata.timestamp).toBeUndefined();
    const refs = bom.components.map((c: Any) => c['bom-ref']);
    expect(refs).toEqual([...refs].sort());
  });

  it('writes metadata for the tool and the project', () => {
    const bom: Any = toCycloneDx(PACKAGES, {
      ...META,
      timestamp: '2024-05-01T10:00:00.123Z',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    });
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 });
    expect(bom.serialNumber).toBe('urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79');
    expect(bom.metadata).toEqual({
      timestamp: '2024-05-01T10:00:00Z',
      tools: { components: [{ type: 'application', name: 'gatehouse', version: '0.1.0' }] },
      component: { type: 'application', 'bom-ref': 'project:shop', name: 'shop', version: '1.2.0' },
    });
  });

  it('writes one component per purl and lockfile, with its fields', () => {
    const bom: Any = toCycloneDx(PACKAGES, META);
    expect(bom.components).toHaveLength(PACKAGES.length);
    expect(component(bom, 'pkg:npm/express@4.19.2', 'package-lock.json')).toEqual({
      type: 'library',
      'bom-ref': 'pkg:npm/express@4.19.2|package-lock.json',
      name: 'express',
      version: '4.19.2',
      scope: 'required',
      hashes: [{ alg: 'SHA-512', content: PACKAGES[0]!.hashes![0]!.value }],
      licenses: [{ license: { id: 'MIT' } }],
      purl: 'pkg:npm/express@4.19.2',
      properties: [
        { name: 'gatehouse:dev', value: 'false' },
        { name: 'gatehouse:direct', value: 'true' },
        { name: 'gatehouse:key', value: 'node_modules/express' },
        { name: 'gatehouse:lockfile', value: 'package-lock.json' },
        { name: 'gatehouse:lockfile:line', value: '12' },
      ],
    });
    expect(component(bom, 'pkg:npm/express@4.19.2', 'packages/admin/package-lock.json')).toBeDefined();
  });

  it('splits Maven groups, npm scopes and Composer vendors from the name', () => {
    const bom: Any = toCycloneDx(PACKAGES, META);
    const names = (purl: string) => ({ group: component(bom, purl).group, name: component(bom, purl).name });
    expect(names('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1')).toEqual({
      group: 'org.apache.logging.log4j',
      name: 'log4j-core',
    });
    expect(names('pkg:npm/%40types/node@20.11.0')).toEqual({ group: '@types', name: 'node' });
    expect(names('pkg:composer/symfony/http-foundation@6.4.0')).toEqual({
      group: 'symfony',
      name: 'http-foundation',
    });
    expect(names('pkg:golang/github.com/gin-gonic/gin@v1.9.1')).toEqual({ name: 'github.com/gin-gonic/gin' });
  });

  it('maps dev to excluded, optional groups to optional, runtime to required, unknown to nothing', () => {
    const bom: Any = toCycloneDx(PACKAGES, META);
    expect(component(bom, 'pkg:npm/vitest@1.6.0').scope).toBe('excluded');
    expect(component(bom, 'pkg:npm/tinypool@0.8.4').scope).toBe('excluded');
    expect(component(bom, 'pkg:npm/%40types/node@20.11.0').scope).toBe('optional');
    expect(component(bom, 'pkg:npm/body-parser@1.20.2').scope).toBe('required');
    expect(component(bom, 'pkg:golang/github.com/gin-gonic/gin@v1.9.1').scope).toBeUndefined();
  });

  it('writes SPDX ids as ids, one expression as an expression, and other text as names', () => {
    const bom: Any = toCycloneDx(PACKAGES, META);
    const licenses = (purl: string) => component(bom, purl).licenses;
    expect(licenses('pkg:cargo/serde@1.0.197')).toEqual([{ expression: 'MIT OR Apache-2.0' }]);
    expect(licenses('pkg:maven/org.openjfx/javafx-base@21')).toEqual([
      { expression: 'GPL-2.0-only WITH Classpath-exception-2.0' },
    ]);
    expect(licenses('pkg:gem/acme-client@2.0.0')).toEqual([{ license: { name: 'Acme Corp EULA' } }]);
    expect(licenses('pkg:nuget/Newtonsoft.Json@13.0.1')).toEqual([
      { license: { id: 'MIT' } },
      { license: { name: 'LicenseRef-newtonsoft-eula' } },
    ]);
    expect(licenses('pkg:golang/github.com/gin-gonic/gin@v1.9.1')).toBeUndefined();
  });

  it('writes the dependency graph: the project depends on the direct packages', () => {
    const bom: Any = toCycloneDx(PACKAGES, META);
    const deps = Object.fromEntries(bom.dependencies.map((d: Any) => [d.ref, d.dependsOn]));
    expect(Object.keys(deps)).toHaveLength(PACKAGES.length + 1);
    expect(deps['pkg:npm/express@4.19.2|package-lock.json']).toEqual([
      'pkg:npm/%40types/node@20.11.0|package-lock.json',
      'pkg:npm/body-parser@1.20.2|package-lock.json',
    ]);
    expect(deps['pkg:npm/body-parser@1.20.2|package-lock.json']).toEqual([]);
    const root: string[] = deps['project:shop'];
    expect(root).toContain('pkg:npm/vitest@1.6.0|package-lock.json');
    expect(root).toContain('pkg:npm/express@4.19.2|packages/admin/package-lock.json');
    expect(root).not.toContain('pkg:npm/body-parser@1.20.2|package-lock.json');
    // Neither direct nor transitive is known for these, and nothing depends on them.
    expect(root).toContain('pkg:cargo/serde@1.0.197|Cargo.lock');
    expect(root).toContain(
      'pkg:deb/debian/curl@7.88.1-10+deb12u5?arch=amd64&distro=debian-12|var/lib/dpkg/status',
    );
  });

  it('merges copies of one version in one lockfile, and drops edges to keys that do not exist', () => {
    const base = { ecosystem: 'npm', resolved: true, source: { path: 'package-lock.json' } } as const;
    const packages: Package[] = [
      {
        ...base,
        name: 'a',
        version: '1.0.0',
        purl: 'pkg:npm/a@1.0.0',
        key: 'node_modules/a',
        direct: true,
        dependsOn: ['node_modules/b', 'node_modules/gone'],
      },
      {
        ...base,
        name: 'b',
        version: '1.0.0',
        purl: 'pkg:npm/b@1.0.0',
        key: 'node_modules/b',
        dev: true,
        licenses: ['MIT'],
      },
      {
        ...base,
        name: 'b',
        version: '1.0.0',
        purl: 'pkg:npm/b@1.0.0',
        key: 'node_modules/a/node_modules/b',
        dev: false,
        licenses: ['ISC'],
        dependsOn: ['node_modules/a'],
      },
    ];
    const bom: Any = toCycloneDx(packages, META);
    expect(errors(bom)).toEqual([]);
    expect(bom.components).toHaveLength(2);
    const b = component(bom, 'pkg:npm/b@1.0.0');
    expect(b.scope).toBe('required');
    expect(b.licenses).toEqual([{ license: { id: 'ISC' } }, { license: { id: 'MIT' } }]);
    expect(bom.dependencies).toEqual([
      { ref: 'project:shop', dependsOn: ['pkg:npm/a@1.0.0|package-lock.json'] },
      { ref: 'pkg:npm/a@1.0.0|package-lock.json', dependsOn: ['pkg:npm/b@1.0.0|package-lock.json'] },
      { ref: 'pkg:npm/b@1.0.0|package-lock.json', dependsOn: ['pkg:npm/a@1.0.0|package-lock.json'] },
    ]);
  });

  it('leaves out hashes the schema would reject', () => {
    const pkg: Package = {
      ...PACKAGES[1]!,
      hashes: [
        { alg: 'SHA-256', value: 'not-hex' },
        { alg: 'SHA-1', value: 'abcd' },
        { alg: 'CRC32', value: 'deadbeef' },
        { alg: 'constructor', value: 'deadbeef' },
        { alg: 'MD5', value: '3942447fac867ae5cdb3229b658f4d48' },
      ],
    };
    const bom: Any = toCycloneDx([pkg], META);
    expect(errors(bom)).toEqual([]);
    expect(bom.components[0].hashes).toEqual([{ alg: 'MD5', content: '3942447fac867ae5cdb3229b658f4d48' }]);
  });
});
