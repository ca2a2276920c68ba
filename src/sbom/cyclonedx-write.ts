import type { Package, PackageHash } from '../core/package.js';
import { type CdxLicenseChoice, cdxLicenses } from './cyclonedx-licenses.js';
import { buildGraph, compare, type SbomNode } from './graph.js';
import { isoSeconds, type SbomMeta } from './meta.js';

export interface CdxProperty {
  name: string;
  value: string;
}

export interface CdxComponent {
  type: 'library' | 'application';
  'bom-ref': string;
  group?: string;
  name: string;
  version?: string;
  scope?: 'required' | 'optional' | 'excluded';
  hashes?: { alg: string; content: string }[];
  licenses?: CdxLicenseChoice[];
  purl?: string;
  properties?: CdxProperty[];
}

export interface CycloneDxBom {
  $schema: string;
  bomFormat: 'CycloneDX';
  specVersion: '1.6';
  serialNumber?: string;
  version: 1;
  metadata: {
    timestamp?: string;
    tools: { components: { type: 'application'; name: string; version: string }[] };
    component: CdxComponent;
  };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

/** Property names for what CycloneDX has no field for; `readSbom` reads them back. */
export const CDX_PROPERTY = {
  lockfile: 'gatehouse:lockfile',
  line: 'gatehouse:lockfile:line',
  key: 'gatehouse:key',
  direct: 'gatehouse:direct',
  dev: 'gatehouse:dev',
  group: 'gatehouse:group',
  constraint: 'gatehouse:constraint',
} as const;

/**
 * A CycloneDX 1.6 JSON BOM of `packages`. Deterministic: components and edges sorted, no
 * timestamp or serial number unless `meta` gives them.
 */
export function toCycloneDx(packages: readonly Package[], meta: SbomMeta): CycloneDxBom {
  const graph = buildGraph(packages);
  const rootRef = `project:${meta.rootName}`;
  const bom: CycloneDxBom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: meta.serialNumber,
    version: 1,
    metadata: {
      timestamp: meta.timestamp === undefined ? undefined : isoSeconds(meta.timestamp),
      tools: { components: [{ type: 'application', name: meta.tool.name, version: meta.tool.version }] },
      component: { type: 'application', 'bom-ref': rootRef, name: meta.rootName, version: meta.rootVersion },
    },
    components: graph.nodes.map(component),
    dependencies: [
      { ref: rootRef, dependsOn: graph.direct },
      ...graph.nodes.map((n) => ({ ref: n.ref, dependsOn: n.dependsOn })),
    ],
  };
  // Drops the optional fields left undefined, so the object itself (not only its JSON) is schema-valid.
  return JSON.parse(JSON.stringify(bom));
}

function component(node: SbomNode): CdxComponent {
  const { pkg } = node;
  return {
    type: 'library',
    'bom-ref': node.ref,
    ...nameParts(pkg),
    version: pkg.version || undefined,
    scope: scope(pkg),
    hashes: cdxHashes(pkg.hashes),
    licenses: cdxLicenses(pkg.licenses),
    purl: pkg.purl,
    properties: properties(pkg),
  };
}

/** CycloneDX keeps the namespace apart where the ecosystem has one: Maven groups, npm scopes, Composer vendors. */
function nameParts(pkg: Package): { group?: string; name: string } {
  const separator = pkg.ecosystem === 'Maven' ? ':' : pkg.ecosystem === 'Packagist' ? '/' : undefined;
  const scoped = pkg.ecosystem === 'npm' && pkg.name.startsWith('@') ? '/' : undefined;
  const at = pkg.name.indexOf(separator ?? scoped ?? '\0');
  return at > 0 ? { group: pkg.name.slice(0, at), name: pkg.name.slice(at + 1) } : { name: pkg.name };
}

/**
 * CycloneDX scopes: `excluded` is for components not reachable at runtime (tests, tooling):
 * dev dependencies. `optional` is for components that may be absent at runtime: optional
 * dependency groups. Everything else the lockfile places at runtime is `required`; unknown is omitted.
 */
function scope(pkg: Package): CdxComponent['scope'] {
  if (pkg.dev === true) return 'excluded';
  if (pkg.groups?.includes('optional')) return 'optional';
  return pkg.dev === false ? 'required' : undefined;
}

/** Hex digest lengths the CycloneDX schema accepts, per algorithm. */
const HASH_LENGTHS: ReadonlyMap<string, readonly number[]> = new Map(
  Object.entries({
    MD5: [32],
    'SHA-1': [40],
    'SHA-256': [64],
    'SHA-384': [96],
    'SHA-512': [128],
    'SHA3-256': [64],
    'SHA3-384': [96],
    'SHA3-512': [128],
    'BLAKE2b-256': [64],
    'BLAKE2b-384': [96],
    'BLAKE2b-512': [128],
    BLAKE3: [32, 40, 64, 96, 128],
  }),
);

function cdxHashes(hashes: readonly PackageHash[] | undefined): CdxComponent['hashes'] {
  const valid = (hashes ?? []).filter(
    (h) => HASH_LENGTHS.get(h.alg)?.includes(h.value.length) && /^[0-9a-fA-F]+$/.test(h.value),
  );
  if (valid.length === 0) return undefined;
  return valid
    .map((h) => ({ alg: h.alg, content: h.value }))
    .sort((a, b) => compare(a.alg, b.alg) || compare(a.content, b.content));
}

function properties(pkg: Package): CdxProperty[] {
  const out: CdxProperty[] = [
    { name: CDX_PROPERTY.lockfile, value: pkg.source.path },
    { name: CDX_PROPERTY.key, value: pkg.key },
  ];
  if (pkg.source.line !== undefined) out.push({ name: CDX_PROPERTY.line, value: String(pkg.source.line) });
  if (pkg.direct !== undefined) out.push({ name: CDX_PROPERTY.direct, value: String(pkg.direct) });
  if (pkg.dev !== undefined) out.push({ name: CDX_PROPERTY.dev, value: String(pkg.dev) });
  if (pkg.constraint !== undefined) out.push({ name: CDX_PROPERTY.constraint, value: pkg.constraint });
  for (const g of pkg.groups ?? []) out.push({ name: CDX_PROPERTY.group, value: g });
  return out.sort((a, b) => compare(a.name, b.name) || compare(a.value, b.value));
}
