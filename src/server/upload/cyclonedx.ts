import type { ScanContext, ScanUpload, UploadedComponent } from '../../store/upload.js';
import { type ComponentFields, toComponent, uniqueComponents } from './components.js';
import { vulnerabilityFindings } from './cyclonedx-vulns.js';
import { UploadError } from './errors.js';
import { boundFinding } from './limits.js';
import { bag, index, type Json, key, Shape, text } from './shape.js';

export function isCycloneDx(doc: Json): boolean {
  return doc.bomFormat === 'CycloneDX';
}

/**
 * A CycloneDX JSON BOM (1.2 and later): its components, nested ones included (not the BOM's
 * subject, `metadata.component`), and its vulnerabilities (VEX/VDR) as dependency findings.
 * The only scanner is `sbom`: an SBOM says nothing about code, so it never closes code findings.
 */
export function readCycloneDx(
  doc: Json,
  context: ScanContext,
  digest: string,
  complete: boolean,
): ScanUpload {
  const shape = new Shape('CycloneDX');
  checkVersion(shape.optString(doc.specVersion, 'specVersion'));
  const byRef = new Map<string, UploadedComponent>();
  const components = flatten(shape, doc.components).map(({ item, path }) => {
    const c = toComponent(fieldsOf(shape, item, path));
    const ref = text(item['bom-ref']);
    if (ref !== undefined && !byRef.has(ref)) byRef.set(ref, c);
    return c;
  });
  const findings = vulnerabilityFindings(shape, doc.vulnerabilities, byRef).map(boundFinding);
  const upload: ScanUpload = {
    context,
    source: 'cyclonedx',
    digest,
    complete,
    scanners: [{ name: 'sbom', status: 'ok', findings: findings.length }],
    findings,
    components: uniqueComponents(components),
  };
  const metadata = shape.optObject(doc.metadata, 'metadata');
  const tool = toolOf(metadata);
  if (tool) upload.toolVersion = tool;
  const timestamp = text(metadata?.timestamp);
  if (timestamp && timestamp.length < 64 && !Number.isNaN(Date.parse(timestamp)))
    upload.finishedAt = timestamp;
  return upload;
}

function checkVersion(specVersion: string | undefined): void {
  const minor = specVersion === undefined ? undefined : /^1\.(\d+)$/.exec(specVersion)?.[1];
  if (minor === undefined || Number(minor) < 2)
    throw new UploadError(
      'unsupported_format',
      `CycloneDX specVersion "${(specVersion ?? '').slice(0, 20)}" is not supported (JSON BOMs 1.2 and later are)`,
    );
}

/** Components in document order, children after their parent; a stack, not recursion. */
function flatten(shape: Shape, list: unknown): { item: Json; path: string }[] {
  const out: { item: Json; path: string }[] = [];
  const stack = shape.objects(list, 'components').reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next);
    stack.push(...shape.objects(next.item.components, key(next.path, 'components')).reverse());
  }
  return out;
}

function fieldsOf(shape: Shape, c: Json, path: string): ComponentFields {
  const name = shape.optString(c.name, key(path, 'name'));
  if (name === undefined) shape.fail(key(path, 'name'), 'missing: every component has a name');
  return {
    name,
    version: shape.optString(c.version, key(path, 'version')),
    group: shape.optString(c.group, key(path, 'group')),
    purl: shape.optString(c.purl, key(path, 'purl')),
    licenses: licensesOf(shape, c.licenses, key(path, 'licenses')),
  };
}

/** Each entry's expression, SPDX id or name. */
function licensesOf(shape: Shape, value: unknown, path: string): string[] {
  return shape.objects(value, path).flatMap(({ item }, i) => {
    const license = shape.optObject(item.license, key(index(path, i), 'license'));
    const found = text(item.expression) ?? text(license?.id) ?? text(license?.name);
    return found === undefined ? [] : [found];
  });
}

/** `metadata.tools`: an array of tools (1.2–1.4) or `{components: [...]}` (1.5+). */
function toolOf(metadata: Json | undefined): string | undefined {
  const tools = metadata?.tools;
  const list = Array.isArray(tools) ? tools : (bag(tools)?.components as unknown[] | undefined);
  const first = Array.isArray(list) ? bag(list[0]) : undefined;
  const name = text(first?.name);
  if (!name) return undefined;
  const version = text(first?.version);
  return version ? `${name}@${version}` : name;
}
