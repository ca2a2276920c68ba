import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import parseSpdx from 'spdx-expression-parse';
import { describe, expect, it } from 'vitest';
import type { Package } from '../core/package.js';
import { type SpdxDocument, toSpdx } from './spdx-write.js';

const REPO = resolve(import.meta.dirname, '../..');
const SCHEMA = resolve(REPO, '../shared/schemas/spdx-2.3/schemas/spdx-schema.json');
const HAVE_SCHEMA = existsSync(SCHEMA);
if (!HAVE_SCHEMA) console.warn(`SPDX 2.3 schema not found at ${SCHEMA}: schema validation is skipped`);

const PACKAGES: Package[] = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/sca/sbom/packages.json'), 'utf8'),
);
const META = { rootName: 'shop', rootVersion: '1.2.0', tool: { name: 'gatehouse', version: '0.1.0' } };

/** What the SPDX 2.3 specification requires and its JSON schema does not check. */
function specProblems(doc: SpdxDocument): string[] {
  const problems: string[] = [];
  const ids = new Set([doc.SPDXID, ...doc.packages.map((p) => p.SPDXID)]);
  if (ids.size !== doc.packages.length + 1) problems.push('SPDXIDs are not unique');
  for (const id of ids) if (!/^SPDXRef-[A-Za-z0-9.-]+$/.test(id)) problems.push(`bad SPDXID ${id}`);
  for (const r of doc.relationships) {
    for (const end of [r.spdxElementId, r.relatedSpdxElement])
      if (!ids.has(end)) problems.push(`dangling ${end}`);
  }
  const defined = new Set((doc.hasExtractedLicensingInfos ?? []).map((l) => l.licenseId));
  for (const p of doc.packages) {
    if (p.licenseDeclared === 'NOASSERTION') continue;
    try {
      parseSpdx(p.licenseDeclared);
    } catch {
      problems.push(`${p.SPDXID}: licenseDeclared "${p.licenseDeclared}" is not an SPDX expression`);
    }
    for (const ref of p.licenseDeclared.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) {
      if (!defined.has(ref)) problems.push(`${ref} is not defined`);
    }
  }
  if (!/^[a-z][a-z0-9+.-]*:[^#\s]+$/.test(doc.documentNamespace))
    problems.push('documentNamespace is not a URI');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(doc.creationInfo.created))
    problems.push('created is not UTC');
  return problems;
}

// biome-ignore lint/suspicious/noExplicitAny: the document is inspected as plain JSON
type Any = any;
const byPurl = (doc: Any, purl: string): Any =>
  doc.packages.find((p: Any) => p.externalRefs?.[0].referenceLocator === purl);

describe('toSpdx', () => {
  it.skipIf(!HAVE_SCHEMA)(`validates against the SPDX 2.3 schema (needs ${SCHEMA})`, () => {
    const validate = new Ajv.default({ strict: false, allErrors: true }).compile(
      JSON.parse(readFileSync(SCHEMA, 'utf8')),
    );
    for (const doc of [toSpdx(PACKAGES, META), toSpdx([], { rootName: 'empty', tool: META.tool })]) {
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    }
  });

  it('meets the rules of the specification the schema does not check', () => {
    expect(specProblems(toSpdx(PACKAGES, { ...META, timestamp: '2024-05-01T10:00:00.456+02:00' }))).toEqual(
      [],
    );
  });

  it('is deterministic and independent of input order', () => {
    const a = JSON.stringify(toSpdx(PACKAGES, META));
    expect(JSON.stringify(toSpdx([...PACKAGES].reverse(), META))).toBe(a);
    const doc: Any = JSON.parse(a);
    expect(doc.creationInfo).toEqual({
      created: '1970-01-01T00:00:00Z',
      creators: ['Tool: gatehouse-0.1.0'],
    });
    expect(doc.documentNamespace).toMatch(/^https:\/\/spdx\.org\/spdxdocs\/shop-[0-9a-f-]{36}$/);
    expect(toSpdx(PACKAGES.slice(1), META).documentNamespace).not.toBe(doc.documentNamespace);
    expect(
      toSpdx(PACKAGES, { ...META, documentNamespace: 'https://example.com/sbom/1' }).documentNamespace,
    ).toBe('https://example.com/sbom/1');
  });

  it('describes the project, which depends on the direct packages', () => {
    const doc: Any = toSpdx(PACKAGES, META);
    expect(doc).toMatchObject({ spdxVersion: 'SPDX-2.3', dataLicense: 'CC0-1.0', name: 'shop-1.2.0' });
    expect(doc.packages[0]).toMatchObject({
      SPDXID: 'SPDXRef-RootPackage',
      name: 'shop',
      versionInfo: '1.2.0',
    });
    expect(doc.relationships[0]).toEqual({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: 'SPDXRef-RootPackage',
    });
    const express = byPurl(doc, 'pkg:npm/express@4.19.2').SPDXID;
    expect(doc.relationships).toContainEqual({
      spdxElementId: 'SPDXRef-RootPackage',
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: express,
    });
  });

  it('writes dev dependencies as DEV_DEPENDENCY_OF', () => {
    const doc: Any = toSpdx(PACKAGES, META);
    const vitest = byPurl(doc, 'pkg:npm/vitest@1.6.0').SPDXID;
    const tinypool = byPurl(doc, 'pkg:npm/tinypool@0.8.4').SPDXID;
    expect(doc.relationships).toContainEqual({
      spdxElementId: vitest,
      relationshipType: 'DEV_DEPENDENCY_OF',
      relatedSpdxElement: 'SPDXRef-RootPackage',
    });
    expect(doc.relationships).toContainEqual({
      spdxElementId: tinypool,
      relationshipType: 'DEV_DEPENDENCY_OF',
      relatedSpdxElement: vitest,
    });
  });

  it('writes each package with its purl, checksums and declared license', () => {
    const doc: Any = toSpdx(PACKAGES, META);
    const django = byPurl(doc, 'pkg:pypi/django@4.2.1');
    expect(django).toEqual({
      SPDXID: expect.stringMatching(/^SPDXRef-Package-django-[0-9a-f]{16}$/),
      name: 'django',
      versionInfo: '4.2.1',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'BSD-3-Clause',
      sourceInfo: 'declared in requirements.txt',
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: 'pkg:pypi/django@4.2.1',
        },
      ],
      checksums: [{ algorithm: 'SHA256', checksumValue: PACKAGES[8]!.hashes![0]!.value }],
      primaryPackagePurpose: 'LIBRARY',
    });
    expect(byPurl(doc, 'pkg:pypi/requests').versionInfo).toBeUndefined();
    expect(byPurl(doc, 'pkg:golang/github.com/gin-gonic/gin@v1.9.1').licenseDeclared).toBe('NOASSERTION');
  });

  it('declares text that names no SPDX license as a LicenseRef, and defines every LicenseRef it uses', () => {
    const doc: Any = toSpdx(PACKAGES, META);
    const acme = byPurl(doc, 'pkg:gem/acme-client@2.0.0').licenseDeclared;
    expect(acme).toMatch(/^LicenseRef-Acme-Corp-EULA-[0-9a-f]{8}$/);
    expect(byPurl(doc, 'pkg:nuget/Newtonsoft.Json@13.0.1').licenseDeclared).toBe(
      'MIT AND LicenseRef-newtonsoft-eula',
    );
    expect(byPurl(doc, 'pkg:cargo/serde@1.0.197').licenseDeclared).toBe('MIT OR Apache-2.0');
    expect(doc.hasExtractedLicensingInfos).toEqual([
      { licenseId: acme, extractedText: 'Acme Corp EULA', name: 'Acme Corp EULA' },
      {
        licenseId: 'LicenseRef-newtonsoft-eula',
        extractedText: 'The package declares LicenseRef-newtonsoft-eula; its text was not available.',
      },
    ]);
  });

  it('writes only the checksum algorithms SPDX knows', () => {
    const pkg: Package = {
      ...PACKAGES[1]!,
      hashes: [
        { alg: 'constructor', value: 'abcd' },
        { alg: 'SHA-1', value: 'E6B1000B94E835FFD37F4C6DCBDAD43F4B48A02A' },
        { alg: 'SHA-256', value: 'sha256-base64==' },
      ],
    };
    expect(byPurl(toSpdx([pkg], META), pkg.purl).checksums).toEqual([
      { algorithm: 'SHA1', checksumValue: 'e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a' },
    ]);
  });

  it('parenthesises compound licenses when it joins several', () => {
    const pkg = { ...PACKAGES[1]!, licenses: ['MIT OR ISC', 'Apache-2.0', 'Custom terms'] };
    const declared = byPurl(toSpdx([pkg], META), pkg.purl).licenseDeclared;
    expect(declared).toMatch(/^\(MIT OR ISC\) AND Apache-2\.0 AND LicenseRef-Custom-terms-[0-9a-f]{8}$/);
    expect(() => parseSpdx(declared)).not.toThrow();
  });
});
