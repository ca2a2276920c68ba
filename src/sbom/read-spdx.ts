import { z } from 'zod';
import type { Package } from '../core/package.js';
import { SbomError, type SbomWarning } from './errors.js';
import { compare } from './graph.js';
import { declaredLicense, KeyAllocator, packageOf, parseShape, SkippedComponents } from './read-common.js';

const SpdxPackage = z.looseObject({
  SPDXID: z.string().min(1),
  name: z.string(),
  versionInfo: z.string().optional(),
  licenseDeclared: z.string().optional(),
  licenseConcluded: z.string().optional(),
  externalRefs: z
    .array(
      z.looseObject({
        referenceCategory: z.string(),
        referenceType: z.string(),
        referenceLocator: z.string(),
      }),
    )
    .optional(),
  checksums: z.array(z.looseObject({ algorithm: z.string(), checksumValue: z.string() })).optional(),
});
type SpdxPackage = z.infer<typeof SpdxPackage>;

const Relationship = z.looseObject({
  spdxElementId: z.string(),
  relationshipType: z.string(),
  relatedSpdxElement: z.string(),
});

const Document = z.looseObject({
  spdxVersion: z.string(),
  documentDescribes: z.array(z.string()).optional(),
  packages: z.array(SpdxPackage).optional(),
  relationships: z.array(Relationship).optional(),
  hasExtractedLicensingInfos: z
    .array(z.looseObject({ licenseId: z.string(), name: z.string().optional() }))
    .optional(),
});
type Document = z.infer<typeof Document>;

export interface SpdxRead {
  packages: Package[];
  specVersion: string;
  warnings: SbomWarning[];
}

/** `Package.hashes` uses the CycloneDX names. */
const HASH_ALG: ReadonlyMap<string, string> = new Map(
  Object.entries({
    SHA1: 'SHA-1',
    SHA256: 'SHA-256',
    SHA384: 'SHA-384',
    SHA512: 'SHA-512',
  }),
);

/**
 * Packages of an SPDX 2.2/2.3 JSON document: those with a `purl` external reference of a
 * supported ecosystem. The described packages are the project: what they depend on is direct.
 * Keys are SPDXIDs; every package's path is the document's.
 */
export function readSpdx(json: unknown, path: string): SpdxRead {
  const doc = parseShape(Document, json, path, '');
  if (doc.spdxVersion !== 'SPDX-2.2' && doc.spdxVersion !== 'SPDX-2.3') {
    throw new SbomError(
      path,
      `spdxVersion "${doc.spdxVersion}" is not supported (SPDX-2.2 and SPDX-2.3 JSON are)`,
    );
  }
  const roots = describedIds(doc);
  const skipped = new SkippedComponents();
  const keys = new KeyAllocator();
  const names = licenseNames(doc);
  const byId = new Map<string, Package>();
  for (const p of doc.packages ?? []) {
    const pkg = toPackage(p, { path, keys, skipped, names, isRoot: roots.has(p.SPDXID) });
    if (pkg && !byId.has(p.SPDXID)) byId.set(p.SPDXID, pkg);
  }
  link(dependencyEdges(doc), roots, byId);
  return { packages: [...byId.values()], specVersion: doc.spdxVersion, warnings: skipped.warnings() };
}

function describedIds(doc: Document): Set<string> {
  const ids = new Set(doc.documentDescribes ?? []);
  for (const r of doc.relationships ?? []) {
    if (r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')
      ids.add(r.relatedSpdxElement);
    if (r.relationshipType === 'DESCRIBED_BY' && r.relatedSpdxElement === 'SPDXRef-DOCUMENT')
      ids.add(r.spdxElementId);
  }
  return ids;
}

/** `LicenseRef-` ids Gatehouse (or another tool) defined with a readable name. */
function licenseNames(doc: Document): Map<string, string> {
  return new Map(
    (doc.hasExtractedLicensingInfos ?? []).flatMap((l) => (l.name ? [[l.licenseId, l.name]] : [])),
  );
}

interface ReadContext {
  path: string;
  keys: KeyAllocator;
  skipped: SkippedComponents;
  names: ReadonlyMap<string, string>;
  isRoot: boolean;
}

/** A described package without a purl is the project itself: not a dependency, not worth a warning. */
function toPackage(p: SpdxPackage, ctx: ReadContext): Package | undefined {
  const { path } = ctx;
  const purl = p.externalRefs?.find(
    (r) => r.referenceType === 'purl' && /^PACKAGE[-_]MANAGER$/.test(r.referenceCategory),
  )?.referenceLocator;
  if (!purl && ctx.isRoot) return undefined;
  const pkg = packageOf(
    {
      purl,
      version: p.versionInfo,
      displayName: `${p.name}${p.versionInfo ? `@${p.versionInfo}` : ''}`,
      key: ctx.keys.allocate(path, p.SPDXID),
      source: { path },
    },
    ctx.skipped,
  );
  if (!pkg) return undefined;
  const license = licenseOf(p, ctx.names);
  if (license !== undefined) pkg.licenses = [license];
  const hashes = (p.checksums ?? []).map((c) => ({
    alg: HASH_ALG.get(c.algorithm) ?? c.algorithm,
    value: c.checksumValue,
  }));
  if (hashes.length > 0) pkg.hashes = hashes;
  return pkg;
}

/** The declared license, else the concluded one; a lone `LicenseRef-` with a name reads as that name. */
function licenseOf(p: SpdxPackage, names: ReadonlyMap<string, string>): string | undefined {
  const stated = (v: string | undefined) => (v && v !== 'NOASSERTION' && v !== 'NONE' ? v : undefined);
  const expression = stated(p.licenseDeclared) ?? stated(p.licenseConcluded);
  if (expression === undefined) return undefined;
  return declaredLicense(names.get(expression.trim()) ?? expression);
}

interface Edge {
  parent: string;
  child: string;
  dev: boolean;
}

/** Every SPDX dependency relationship, as parent → child. */
function dependencyEdges(doc: Document): Edge[] {
  return (doc.relationships ?? []).flatMap((r): Edge[] => {
    const { spdxElementId: a, relatedSpdxElement: b } = r;
    if (r.relationshipType === 'DEPENDS_ON') return [{ parent: a, child: b, dev: false }];
    if (r.relationshipType === 'DEV_DEPENDENCY_OF' || r.relationshipType === 'TEST_DEPENDENCY_OF') {
      return [{ parent: b, child: a, dev: true }];
    }
    return /^[A-Z]+_DEPENDENCY_OF$|^DEPENDENCY_OF$/.test(r.relationshipType)
      ? [{ parent: b, child: a, dev: false }]
      : [];
  });
}

/**
 * dependsOn from the edges between packages; direct when a described package depends on it;
 * dev when every edge into it is a dev edge.
 */
function link(edges: readonly Edge[], roots: ReadonlySet<string>, byId: ReadonlyMap<string, Package>): void {
  const children = new Map<Package, Set<string>>();
  const devEdges = new Map<Package, boolean>();
  const rootsHaveEdges = edges.some((e) => roots.has(e.parent));
  for (const e of edges) {
    const child = byId.get(e.child);
    if (!child) continue;
    devEdges.set(child, (devEdges.get(child) ?? true) && e.dev);
    if (roots.has(e.parent)) child.direct = true;
    const parent = byId.get(e.parent);
    if (!parent || parent === child) continue;
    const keys = children.get(parent) ?? new Set<string>();
    children.set(parent, keys.add(child.key));
  }
  for (const [id, pkg] of byId) {
    if (rootsHaveEdges && pkg.direct === undefined && !roots.has(id)) pkg.direct = false;
    const dev = devEdges.get(pkg);
    if (dev !== undefined) pkg.dev = dev;
    const keys = children.get(pkg);
    if (keys) pkg.dependsOn = [...keys].sort(compare);
  }
}
