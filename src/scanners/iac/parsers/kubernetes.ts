import {
  type IacDocument,
  type IacObject,
  type IacResource,
  type IacValue,
  type KeyPath,
  Positions,
} from '../model.js';
import { isKustomization, kustomizePatches } from './kustomize-patches.js';
import type { IacParser, ParseDiagnostic, ParseResult, SourceFile } from './parser.js';
import { readYaml, type YamlDoc } from './yaml-source.js';

/** A Kubernetes object; `source` is the chart template that rendered it (Helm's `# Source:` comment). */
export interface KubernetesResource extends IacResource {
  source?: string;
}

/** Kinds that live outside any namespace: their address is `Kind/name`. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CustomResourceDefinition',
  'PodSecurityPolicy',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'CertificateSigningRequest',
]);

const UNNAMED = '<unnamed>';
/** JSON from outside (an AdmissionReview) is trusted no more than a file: nesting is bounded. */
const MAX_DEPTH = 500;

/**
 * Raw Helm chart templates (`templates/*.yaml` with `{{ }}`) are not manifests yet: parsing
 * them gives syntax errors and nonsense values. `helm template` output is scanned instead.
 */
const isChartTemplate = (path: string, text: string) => /(^|\/)templates\//.test(path) && text.includes('{{');

function looksLikeManifest(text: string): boolean {
  if (/^apiVersion[ \t]*:/m.test(text) && /^kind[ \t]*:/m.test(text)) return true;
  return /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
}

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Positions of a `List` item, read from the positions of the whole list. */
class ItemPositions extends Positions {
  constructor(
    private readonly base: Positions,
    private readonly prefix: KeyPath,
  ) {
    super();
  }
  override lineOf(path: KeyPath, fallback: number): number {
    return this.base.lineOf([...this.prefix, ...path], fallback);
  }
}

/** One Kubernetes object found in a document, before it gets its address. */
interface Found {
  value: IacObject;
  positions: Positions;
  line: number;
  endLine: number;
}

/** The objects of one YAML document: itself, or the items of a `List` / `PodList` / ...; anything else is not ours. */
function objectsOf(value: IacValue, positions: Positions, line: number, endLine: number): Found[] {
  if (!isObject(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') return [];
  if (!value.kind.endsWith('List') || !Array.isArray(value.items))
    return [{ value, positions, line, endLine }];
  const items = value.items;
  const out: Found[] = [];
  items.forEach((item, i) => {
    // Items of a list need no apiVersion (kubectl's lists omit it at times); a kind they need.
    if (!isObject(item) || typeof item.kind !== 'string') return;
    const start = positions.lineOf(['items', i], line);
    const end = i + 1 < items.length ? positions.lineOf(['items', i + 1], endLine + 1) - 1 : endLine;
    out.push({
      value: item,
      positions: new ItemPositions(positions, ['items', i]),
      line: start,
      endLine: end,
    });
  });
  return out;
}

/** `metadata.name`; a controller-created Pod has only `generateName` (what the webhook sees). */
function nameOf(meta: IacValue | undefined): string | undefined {
  if (!isObject(meta)) return undefined;
  if (typeof meta.name === 'string' && meta.name) return meta.name;
  if (typeof meta.generateName === 'string' && meta.generateName) return `${meta.generateName}<generated>`;
  return undefined;
}

/** Addresses are unique within a document: a repeated one (two unnamed objects) gets `#2`, `#3`... */
class AddressBook {
  private readonly seen = new Map<string, number>();
  take(address: string): string {
    const n = (this.seen.get(address) ?? 0) + 1;
    this.seen.set(address, n);
    return n === 1 ? address : `${address}#${n}`;
  }
}

function toResource(found: Found, path: string, book: AddressBook): KubernetesResource {
  const { value } = found;
  const kind = String(value.kind);
  const meta = value.metadata;
  const name = nameOf(meta) ?? UNNAMED;
  const ns =
    isObject(meta) && typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
  const address = book.take(CLUSTER_SCOPED.has(kind) ? `${kind}/${name}` : `${kind}/${ns}/${name}`);
  return {
    platform: 'kubernetes',
    type: kind,
    kind: 'resource',
    name,
    address,
    path,
    line: found.line,
    endLine: found.endLine,
    value,
    positions: found.positions,
  };
}

/** Helm writes `# Source: chart/templates/deployment.yaml` before each rendered document. */
function helmSource(doc: YamlDoc): string | undefined {
  return doc.comment?.match(/^\s*Source:\s*(\S.*?)\s*$/m)?.[1];
}

function parseFile(file: SourceFile, out: ParseResult): void {
  const read = readYaml(file.text, file.path);
  out.diagnostics.push(...read.diagnostics);
  const document: IacDocument = { platform: 'kubernetes', path: file.path, resources: [] };
  const book = new AddressBook();
  for (const doc of read.docs) {
    const source = helmSource(doc);
    for (const found of objectsOf(doc.value, doc.positions, doc.line, doc.endLine)) {
      const r = toResource(found, file.path, book);
      if (source) r.source = source;
      if (r.name === UNNAMED) out.diagnostics.push(unnamed(r));
      document.resources.push(r);
    }
  }
  if (document.resources.length > 0) out.documents.push(document);
}

function unnamed(r: IacResource): ParseDiagnostic {
  return {
    level: 'warning',
    code: 'k8s-unnamed-object',
    path: r.path,
    line: r.line,
    message: `${r.type} without metadata.name; checked as ${r.address}`,
  };
}

export const kubernetesParser: IacParser = {
  name: 'kubernetes',
  claims: (path) => /\.(ya?ml|json)$/i.test(path) || isKustomization(path),
  accepts: (text, path) => isKustomization(path) || (!isChartTemplate(path, text) && looksLikeManifest(text)),
  parse(files) {
    const out: ParseResult = { documents: [], diagnostics: [] };
    const patches = kustomizePatches(files);
    for (const f of files) {
      if (!patches.has(f.path)) parseFile(f, out);
      else
        out.diagnostics.push({
          level: 'info',
          code: 'k8s-kustomize-patch',
          path: f.path,
          message:
            'a kustomization names it as a patch: checked as part of `kustomize build` output, not alone',
        });
    }
    return out;
  },
};

/** Plain JSON (e.g. `JSON.parse` output) as resource values; anything JSON cannot hold is dropped. */
function fromJson(v: unknown, depth: number): IacValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(v)) return v.map((x) => fromJson(x, depth + 1) ?? null);
  const out: IacObject = {};
  for (const [k, x] of Object.entries(v)) {
    const c = fromJson(x, depth + 1);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/**
 * One object that was never a file, e.g. an AdmissionReview's `request.object`: the document
 * the rules check, with no line positions (every finding points at line 1). A `List` gives its
 * items; something that is not a Kubernetes object gives an empty document.
 */
export function kubernetesDocumentFromObject(obj: unknown, path: string): IacDocument {
  const value = fromJson(obj, 0) ?? null;
  const book = new AddressBook();
  const resources = objectsOf(value, new Positions(), 1, 1).map((found) =>
    toResource({ ...found, line: 1, endLine: 1 }, path, book),
  );
  return { platform: 'kubernetes', path, resources };
}
