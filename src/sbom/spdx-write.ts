import type { Package, PackageHash } from '../core/package.js';
import { buildGraph, compare, type SbomNode } from './graph.js';
import { derivedUuid, idSafe, isoSeconds, type SbomMeta, sha256Hex } from './meta.js';
import { type SpdxExtractedLicense, SpdxLicenses } from './spdx-licenses.js';

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  licenseConcluded: 'NOASSERTION';
  licenseDeclared: string;
  sourceInfo?: string;
  externalRefs?: { referenceCategory: 'PACKAGE-MANAGER'; referenceType: 'purl'; referenceLocator: string }[];
  checksums?: { algorithm: string; checksumValue: string }[];
  primaryPackagePurpose: 'APPLICATION' | 'LIBRARY';
}

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: 'DESCRIBES' | 'DEPENDS_ON' | 'DEV_DEPENDENCY_OF';
  relatedSpdxElement: string;
}

export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
  hasExtractedLicensingInfos?: SpdxExtractedLicense[];
}

export interface SpdxMeta extends SbomMeta {
  /** Defaults to a URI derived from the project and its packages. */
  documentNamespace?: string;
}

const DOCUMENT = 'SPDXRef-DOCUMENT';
const ROOT = 'SPDXRef-RootPackage';

/**
 * An SPDX 2.3 JSON document of `packages`. The document DESCRIBES a package for the project,
 * which DEPENDS_ON its direct dependencies; each package DEPENDS_ON its own. An edge to a dev
 * dependency is written the other way, `dev DEV_DEPENDENCY_OF parent`, as SPDX names it.
 * Deterministic: the namespace is derived from the inputs and `created` is the Unix epoch
 * unless `meta` gives them.
 */
export function toSpdx(packages: readonly Package[], meta: SpdxMeta): SpdxDocument {
  const graph = buildGraph(packages);
  const ids = new Map(graph.nodes.map((n) => [n.ref, spdxId(n)]));
  const licenses = new SpdxLicenses();
  const name = meta.rootVersion ? `${meta.rootName}-${meta.rootVersion}` : meta.rootName;
  const root: SpdxPackage = {
    SPDXID: ROOT,
    name: meta.rootName,
    versionInfo: meta.rootVersion,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    primaryPackagePurpose: 'APPLICATION',
  };
  const described = graph.nodes.map((n) => spdxPackage(n, ids.get(n.ref)!, licenses));
  const doc: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: DOCUMENT,
    name,
    documentNamespace: meta.documentNamespace ?? defaultNamespace(meta, graph.nodes),
    creationInfo: {
      created: isoSeconds(meta.timestamp ?? '1970-01-01T00:00:00Z'),
      creators: [`Tool: ${meta.tool.name}-${meta.tool.version}`],
    },
    packages: [root, ...described],
    relationships: relationships(graph.nodes, graph.direct, ids),
  };
  const extracted = licenses.extracted();
  if (extracted.length > 0) doc.hasExtractedLicensingInfos = extracted;
  // Drops the optional fields left undefined, so the object itself (not only its JSON) is schema-valid.
  return JSON.parse(JSON.stringify(doc));
}

/** `SPDXRef-Package-<name>-<hash of purl and lockfile>`: readable, and unique within the document. */
function spdxId(node: SbomNode): string {
  return `SPDXRef-Package-${idSafe(node.pkg.name)}-${sha256Hex(node.ref).slice(0, 16)}`;
}

function defaultNamespace(meta: SbomMeta, nodes: readonly SbomNode[]): string {
  const seed = JSON.stringify([meta.rootName, meta.rootVersion ?? '', meta.tool, nodes.map((n) => n.ref)]);
  return `https://spdx.org/spdxdocs/${idSafe(meta.rootName) || 'project'}-${derivedUuid(seed)}`;
}

function spdxPackage(node: SbomNode, id: string, licenses: SpdxLicenses): SpdxPackage {
  const { pkg } = node;
  return {
    SPDXID: id,
    name: pkg.name,
    versionInfo: pkg.version || undefined,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: licenses.declared(pkg.licenses),
    sourceInfo: `declared in ${pkg.source.path}`,
    externalRefs: [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl },
    ],
    checksums: checksums(pkg.hashes),
    primaryPackagePurpose: 'LIBRARY',
  };
}

/** SPDX spells the algorithms without the dash CycloneDX (and `Package`) use for SHA-1/2. */
const SPDX_ALGORITHM: ReadonlyMap<string, string> = new Map(
  Object.entries({
    MD5: 'MD5',
    'SHA-1': 'SHA1',
    'SHA-256': 'SHA256',
    'SHA-384': 'SHA384',
    'SHA-512': 'SHA512',
    'SHA3-256': 'SHA3-256',
    'SHA3-384': 'SHA3-384',
    'SHA3-512': 'SHA3-512',
    'BLAKE2b-256': 'BLAKE2b-256',
    'BLAKE2b-384': 'BLAKE2b-384',
    'BLAKE2b-512': 'BLAKE2b-512',
    BLAKE3: 'BLAKE3',
  }),
);

function checksums(hashes: readonly PackageHash[] | undefined): SpdxPackage['checksums'] {
  const out = (hashes ?? []).flatMap((h) => {
    const algorithm = SPDX_ALGORITHM.get(h.alg);
    return algorithm && /^[0-9a-fA-F]+$/.test(h.value)
      ? [{ algorithm, checksumValue: h.value.toLowerCase() }]
      : [];
  });
  if (out.length === 0) return undefined;
  return out.sort((a, b) => compare(a.algorithm, b.algorithm) || compare(a.checksumValue, b.checksumValue));
}

function relationships(
  nodes: readonly SbomNode[],
  direct: readonly string[],
  ids: ReadonlyMap<string, string>,
): SpdxRelationship[] {
  const dev = new Set(nodes.filter((n) => n.pkg.dev === true).map((n) => ids.get(n.ref)!));
  const edge = (parent: string, child: string): SpdxRelationship =>
    dev.has(child)
      ? { spdxElementId: child, relationshipType: 'DEV_DEPENDENCY_OF', relatedSpdxElement: parent }
      : { spdxElementId: parent, relationshipType: 'DEPENDS_ON', relatedSpdxElement: child };
  const edges = [
    ...direct.map((ref) => edge(ROOT, ids.get(ref)!)),
    ...nodes.flatMap((n) => n.dependsOn.map((ref) => edge(ids.get(n.ref)!, ids.get(ref)!))),
  ].sort(
    (a, b) =>
      compare(a.spdxElementId, b.spdxElementId) ||
      compare(a.relationshipType, b.relationshipType) ||
      compare(a.relatedSpdxElement, b.relatedSpdxElement),
  );
  return [{ spdxElementId: DOCUMENT, relationshipType: 'DESCRIBES', relatedSpdxElement: ROOT }, ...edges];
}
