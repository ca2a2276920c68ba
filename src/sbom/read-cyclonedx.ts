import { z } from 'zod';
import type { Package } from '../core/package.js';
import { CDX_PROPERTY } from './cyclonedx-write.js';
import { MAX_COMPONENT_NESTING, SbomError, type SbomWarning } from './errors.js';
import { compare } from './graph.js';
import { declaredLicense, KeyAllocator, packageOf, parseShape, SkippedComponents } from './read-common.js';

const LicenseEntry = z.looseObject({
  license: z
    .looseObject({
      id: z.string().optional(),
      name: z.string().optional(),
      acknowledgement: z.string().optional(),
    })
    .optional(),
  expression: z.string().optional(),
  acknowledgement: z.string().optional(),
});

const Component = z.looseObject({
  'bom-ref': z.string().optional(),
  group: z.string().optional(),
  name: z.string(),
  version: z.string().optional(),
  purl: z.string().optional(),
  scope: z.string().optional(),
  hashes: z.array(z.looseObject({ alg: z.string(), content: z.string() })).optional(),
  licenses: z.array(LicenseEntry).optional(),
  properties: z.array(z.looseObject({ name: z.string(), value: z.string().optional() })).optional(),
  components: z.array(z.unknown()).optional(),
});
type Component = z.infer<typeof Component>;

const Bom = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  metadata: z
    .looseObject({ component: z.looseObject({ 'bom-ref': z.string().optional() }).optional() })
    .optional(),
  components: z.array(z.unknown()).optional(),
  dependencies: z
    .array(z.looseObject({ ref: z.string().min(1), dependsOn: z.array(z.string()).optional() }))
    .optional(),
});
type Bom = z.infer<typeof Bom>;

export interface CycloneDxRead {
  packages: Package[];
  specVersion: string;
  warnings: SbomWarning[];
}

/**
 * Packages of a CycloneDX 1.2–1.7 JSON BOM: every component with a purl of a supported
 * ecosystem, nested ones included. What Gatehouse wrote as `gatehouse:` properties (lockfile,
 * key, direct, dev, groups) is restored; otherwise the key is the bom-ref, the path is the BOM's,
 * `excluded` scope means dev, and direct means "the BOM's subject depends on it".
 */
export function readCycloneDx(json: unknown, path: string): CycloneDxRead {
  const bom = parseShape(Bom, json, path, '');
  const warnings = checkVersion(bom.specVersion, path);
  const skipped = new SkippedComponents();
  const keys = new KeyAllocator();
  const rootRef = bom.metadata?.component?.['bom-ref'];
  const rootDeps = bom.dependencies?.find((d) => d.ref === rootRef);
  const direct = rootRef && rootDeps ? new Set(rootDeps.dependsOn ?? []) : undefined;
  const byRef = new Map<string, Package>();
  const packages: Package[] = [];
  for (const c of flatten(bom.components ?? [], path)) {
    const pkg = toPackage(c, { path, skipped, keys, direct });
    if (!pkg) continue;
    packages.push(pkg);
    const ref = c['bom-ref'];
    if (ref !== undefined && !byRef.has(ref)) byRef.set(ref, pkg);
  }
  linkDependencies(bom, byRef);
  return { packages, specVersion: bom.specVersion, warnings: [...warnings, ...skipped.warnings()] };
}

function checkVersion(specVersion: string, path: string): SbomWarning[] {
  const minor = /^1\.(\d+)$/.exec(specVersion)?.[1];
  if (minor === undefined || Number(minor) < 2) {
    throw new SbomError(
      path,
      `CycloneDX specVersion "${specVersion}" is not supported (JSON BOMs 1.2 to 1.7 are)`,
    );
  }
  return Number(minor) > 7 ? [{ message: `CycloneDX ${specVersion} is newer than 1.7; read as 1.7` }] : [];
}

/** Components in document order, nested ones after their parent; depth is bounded, not recursive. */
function flatten(list: readonly unknown[], path: string): Component[] {
  const out: Component[] = [];
  const stack = list.map((value, i) => ({ value, where: `components[${i}]`, depth: 1 })).reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.depth > MAX_COMPONENT_NESTING) {
      throw new SbomError(
        path,
        `${item.where}: components nested more than ${MAX_COMPONENT_NESTING} levels deep`,
      );
    }
    const c = parseShape(Component, item.value, path, item.where);
    out.push(c);
    const children = (c.components ?? []).map((value, i) => ({
      value,
      where: `${item!.where}.components[${i}]`,
      depth: item!.depth + 1,
    }));
    stack.push(...children.reverse());
  }
  return out;
}

interface ReadContext {
  path: string;
  skipped: SkippedComponents;
  keys: KeyAllocator;
  direct: ReadonlySet<string> | undefined;
}

function toPackage(c: Component, ctx: ReadContext): Package | undefined {
  const props = propertyMap(c);
  const prop = (name: string) => props.get(name)?.[0];
  const path = prop(CDX_PROPERTY.lockfile) ?? ctx.path;
  const line = Number(prop(CDX_PROPERTY.line));
  const pkg = packageOf(
    {
      purl: c.purl,
      version: c.version,
      displayName: `${c.group ? `${c.group}/` : ''}${c.name}${c.version ? `@${c.version}` : ''}`,
      key: ctx.keys.allocate(path, prop(CDX_PROPERTY.key) ?? c['bom-ref'] ?? c.purl ?? c.name),
      source: Number.isInteger(line) && line > 0 ? { path, line } : { path },
    },
    ctx.skipped,
  );
  if (!pkg) return undefined;
  const licenses = licensesOf(c.licenses ?? []);
  const hashes = (c.hashes ?? []).map((h) => ({ alg: h.alg, value: h.content }));
  return Object.assign(
    pkg,
    defined({
      ...roles(c, props, ctx),
      constraint: prop(CDX_PROPERTY.constraint),
      licenses: licenses.length > 0 ? licenses : undefined,
      hashes: hashes.length > 0 ? hashes : undefined,
    }),
  );
}

function propertyMap(c: Component): Map<string, string[]> {
  const props = new Map<string, string[]>();
  for (const p of c.properties ?? []) {
    const values = props.get(p.name) ?? [];
    props.set(p.name, values);
    values.push(p.value ?? '');
  }
  return props;
}

/**
 * Direct, dev and groups. A BOM Gatehouse wrote says what it knows in properties, and its
 * project edges must not turn "unknown" into "direct"; other BOMs only have scope and edges.
 */
function roles(
  c: Component,
  props: ReadonlyMap<string, string[]>,
  ctx: ReadContext,
): Pick<Package, 'direct' | 'dev' | 'groups'> {
  const prop = (name: string) => props.get(name)?.[0];
  const ours = prop(CDX_PROPERTY.lockfile) !== undefined;
  const ref = c['bom-ref'];
  const inferred = ref !== undefined && ctx.direct && !ours ? ctx.direct.has(ref) : undefined;
  return {
    direct: flag(prop(CDX_PROPERTY.direct)) ?? inferred,
    dev: flag(prop(CDX_PROPERTY.dev)) ?? devFromScope(c.scope),
    groups: props.get(CDX_PROPERTY.group) ?? (c.scope === 'optional' ? ['optional'] : undefined),
  };
}

/** The fields that have a value: a package read from a BOM has no `undefined` keys. */
function defined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function flag(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** `excluded`: not reachable at runtime (tests, tooling); `required` / `optional` are runtime. */
function devFromScope(scope: string | undefined): boolean | undefined {
  if (scope === 'excluded') return true;
  return scope === 'required' || scope === 'optional' ? false : undefined;
}

/** Declared licenses; when the BOM tells declared from concluded ones, only the declared. */
function licensesOf(entries: readonly z.infer<typeof LicenseEntry>[]): string[] {
  const declared = entries.filter((e) => (e.acknowledgement ?? e.license?.acknowledgement) === 'declared');
  const texts = (declared.length > 0 ? declared : entries).flatMap((e) => {
    const text = e.expression ?? e.license?.id ?? e.license?.name;
    const license = text === undefined ? undefined : declaredLicense(text);
    return license === undefined ? [] : [license];
  });
  return [...new Set(texts)];
}

/** Edges between packages of the same lockfile (keys are only unique within one). */
function linkDependencies(bom: Bom, byRef: ReadonlyMap<string, Package>): void {
  for (const dep of bom.dependencies ?? []) {
    const from = byRef.get(dep.ref);
    if (!from) continue;
    const keys = new Set(from.dependsOn);
    for (const ref of dep.dependsOn ?? []) {
      const to = byRef.get(ref);
      if (to && to !== from && to.source.path === from.source.path) keys.add(to.key);
    }
    if (keys.size > 0) from.dependsOn = [...keys].sort(compare);
  }
}
