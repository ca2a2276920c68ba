import type { ScanContext, ScanUpload } from '../../store/upload.js';
import { type ComponentFields, toComponent, uniqueComponents } from './components.js';
import { UploadError } from './errors.js';
import { type Json, key, Shape, strings, text } from './shape.js';

export function isSpdx(doc: Json): boolean {
  return 'spdxVersion' in doc;
}

/**
 * An SPDX 2.x JSON document: its packages as components. The packages the document describes
 * are the product itself, left out unless they carry a purl (a container image SBOM describes
 * the image). SPDX 2 has no vulnerabilities, so there are no findings; the `sbom` scanner never
 * closes code findings.
 */
export function readSpdx(doc: Json, context: ScanContext, digest: string, complete: boolean): ScanUpload {
  const shape = new Shape('SPDX');
  const version = shape.optString(doc.spdxVersion, 'spdxVersion');
  if (version === undefined || !/^SPDX-2\.\d+$/.test(version))
    throw new UploadError(
      'unsupported_format',
      `spdxVersion "${(version ?? '').slice(0, 20)}" is not supported (SPDX-2.x JSON is; SPDX 3 is not yet)`,
    );
  const roots = describedIds(shape, doc);
  const components = shape.objects(doc.packages, 'packages').flatMap(({ item, path }) => {
    const fields = fieldsOf(shape, item, path);
    return fields.purl === undefined && roots.has(text(item.SPDXID) ?? '') ? [] : [toComponent(fields)];
  });
  const upload: ScanUpload = {
    context,
    source: 'spdx',
    digest,
    complete,
    scanners: [{ name: 'sbom', status: 'ok', findings: 0 }],
    findings: [],
    components: uniqueComponents(components),
  };
  const creation = shape.optObject(doc.creationInfo, 'creationInfo');
  const tool = strings(creation?.creators)
    .find((c) => c.startsWith('Tool:'))
    ?.slice(5)
    .trim();
  if (tool) upload.toolVersion = tool;
  const created = text(creation?.created);
  if (created && created.length < 64 && !Number.isNaN(Date.parse(created))) upload.finishedAt = created;
  return upload;
}

function describedIds(shape: Shape, doc: Json): Set<string> {
  const ids = new Set(strings(doc.documentDescribes));
  for (const { item } of shape.objects(doc.relationships, 'relationships')) {
    if (item.relationshipType === 'DESCRIBES' && item.spdxElementId === 'SPDXRef-DOCUMENT')
      ids.add(text(item.relatedSpdxElement) ?? '');
    if (item.relationshipType === 'DESCRIBED_BY' && item.relatedSpdxElement === 'SPDXRef-DOCUMENT')
      ids.add(text(item.spdxElementId) ?? '');
  }
  return ids;
}

function fieldsOf(shape: Shape, p: Json, path: string): ComponentFields {
  const name = shape.optString(p.name, key(path, 'name'));
  if (name === undefined) shape.fail(key(path, 'name'), 'missing: every package has a name');
  const purl = shape
    .objects(p.externalRefs, key(path, 'externalRefs'))
    .find(
      ({ item }) =>
        item.referenceType === 'purl' && /^PACKAGE[-_]MANAGER$/.test(text(item.referenceCategory) ?? ''),
    )?.item.referenceLocator;
  const declared = shape.optString(p.licenseDeclared, key(path, 'licenseDeclared'));
  const concluded = shape.optString(p.licenseConcluded, key(path, 'licenseConcluded'));
  const stated = [declared, concluded].find((l) => l !== undefined && l !== 'NOASSERTION' && l !== 'NONE');
  return {
    name,
    version: shape.optString(p.versionInfo, key(path, 'versionInfo')),
    purl: text(purl),
    licenses: stated ? [stated] : [],
  };
}
