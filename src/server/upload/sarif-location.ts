import type { Location, TraceStep } from '../../core/finding.js';
import { type Json, key, type Shape, text } from './shape.js';

/**
 * How a run's artifact URIs become the repository-relative paths findings are keyed by. Paths
 * must not depend on the machine that ran the tool (`/home/runner/work/...` one day,
 * `/builds/...` the next) or every run would create new findings: URIs relative to a base id
 * (`%SRCROOT%`) are kept relative, and absolute `file:` URIs under a known base or the working
 * directory are made relative to it.
 */
export class UriResolver {
  private readonly bases: Map<string, { uri?: string; uriBaseId?: string }>;
  /** Absolute `file:` directories (ending in `/`) that relative paths are relative to, longest first. */
  private readonly roots: string[];

  constructor(
    private readonly shape: Shape,
    run: Json,
    runPath: string,
  ) {
    const declared = shape.optObject(run.originalUriBaseIds, key(runPath, 'originalUriBaseIds')) ?? {};
    this.bases = new Map(
      Object.entries(declared).map(([id, value]) => {
        const base = shape.object(value, key(runPath, `originalUriBaseIds.${id}`));
        return [id, { uri: text(base.uri), uriBaseId: text(base.uriBaseId) }];
      }),
    );
    const dirs = [...this.bases.values()].map((b) => b.uri);
    for (const inv of shape.objects(run.invocations, key(runPath, 'invocations')))
      dirs.push(text(shape.optObject(inv.item.workingDirectory, key(inv.path, 'workingDirectory'))?.uri));
    this.roots = dirs
      .filter((d): d is string => d !== undefined && /^file:/i.test(d))
      .map((d) => filePath(d.endsWith('/') ? d : `${d}/`))
      .sort((a, b) => b.length - a.length);
  }

  /** The path of an `artifactLocation` (its uri, or that of `run.artifacts[index]`). */
  path(location: Json, artifacts: readonly unknown[], where: string): string | undefined {
    let uri = this.shape.optString(location.uri, key(where, 'uri'));
    let baseId = this.shape.optString(location.uriBaseId, key(where, 'uriBaseId'));
    const i = location.index;
    if (uri === undefined && typeof i === 'number') {
      const artifact = artifacts[i] as Json | undefined;
      const artifactLocation =
        artifact && typeof artifact === 'object' ? (artifact.location as Json) : undefined;
      uri = text(artifactLocation?.uri);
      baseId = text(artifactLocation?.uriBaseId);
    }
    return uri === undefined ? undefined : this.resolve(uri, baseId);
  }

  private resolve(uri: string, baseId: string | undefined): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri)) return this.absolute(uri);
    const prefix = this.relativePrefix(baseId);
    if (prefix === undefined) return normalise(decode(uri));
    return this.absolute(`${prefix}${uri}`);
  }

  /**
   * A base chain that ends in an absolute URI gives that URI; a chain of relative bases (or an
   * id the run does not declare, the usual `%SRCROOT%`) gives the relative prefix, '' for none.
   */
  private relativePrefix(baseId: string | undefined): string | undefined {
    let prefix = '';
    const seen = new Set<string>();
    for (let id = baseId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const base = this.bases.get(id);
      if (!base?.uri) return prefix === '' ? undefined : prefix;
      const dir = base.uri.endsWith('/') ? base.uri : `${base.uri}/`;
      prefix = `${dir}${prefix}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(dir)) return prefix;
      id = base.uriBaseId;
    }
    return prefix === '' ? undefined : prefix;
  }

  /** `file:` URIs under a root become relative; other absolute URIs (DAST `https:`) are kept whole. */
  private absolute(uri: string): string {
    if (!/^file:/i.test(uri)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return uri;
      return normalise(decode(uri));
    }
    const path = filePath(uri);
    const root = this.roots.find((r) => path.startsWith(r));
    return root === undefined ? path : normalise(path.slice(root.length));
  }
}

/** `file:///C:/x%20y/a.js` -> `C:/x y/a.js`; `file:///home/a.js` -> `/home/a.js`. */
function filePath(uri: string): string {
  const path = decode(uri.replace(/^file:(?:\/\/[^/]*)?/i, ''));
  return path.replace(/^\/([a-z]:\/)/i, '$1').replace(/\\/g, '/');
}

function decode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** POSIX separators, no `./` segments, no doubled slashes. */
export function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/(?:\.\/)+/g, '/');
}

export interface PlaceRead {
  location: Location;
  /** The region's own snippet only (not the context region's): what the fingerprint may use. */
  matched?: string;
}

/** A `physicalLocation`: path, lines, columns and snippet. */
export function readPlace(
  shape: Shape,
  uris: UriResolver,
  artifacts: readonly unknown[],
  physical: Json,
  where: string,
): PlaceRead {
  const artifact = shape.optObject(physical.artifactLocation, key(where, 'artifactLocation'));
  const path = artifact ? uris.path(artifact, artifacts, key(where, 'artifactLocation')) : undefined;
  const location: Location = { path: path ?? '' };
  const region = shape.optObject(physical.region, key(where, 'region'));
  const context = shape.optObject(physical.contextRegion, key(where, 'contextRegion'));
  if (!region) return { location };
  const r = key(where, 'region');
  const set = (field: 'startLine' | 'endLine' | 'startColumn' | 'endColumn') => {
    const n = shape.optPositive(region[field], key(r, field));
    if (n !== undefined) location[field] = n;
  };
  set('startLine');
  set('endLine');
  set('startColumn');
  set('endColumn');
  const matched = snippetOf(shape, region, r);
  const snippet = matched ?? (context ? snippetOf(shape, context, key(where, 'contextRegion')) : undefined);
  if (snippet !== undefined) location.snippet = snippet;
  return matched === undefined ? { location } : { location, matched };
}

function snippetOf(shape: Shape, region: Json, where: string): string | undefined {
  const snippet = shape.optObject(region.snippet, key(where, 'snippet'));
  return snippet ? shape.optString(snippet.text, key(where, 'snippet.text')) : undefined;
}

/** The first thread flow of the first code flow: the dataflow from source to sink, as Gatehouse writes it. */
export function readTrace(
  shape: Shape,
  uris: UriResolver,
  artifacts: readonly unknown[],
  result: Json,
  where: string,
): TraceStep[] | undefined {
  const flow = shape.objects(result.codeFlows, key(where, 'codeFlows'))[0];
  if (!flow) return undefined;
  const thread = shape.objects(flow.item.threadFlows, key(flow.path, 'threadFlows'))[0];
  if (!thread) return undefined;
  const steps: TraceStep[] = [];
  for (const { item, path } of shape.objects(thread.item.locations, key(thread.path, 'locations'))) {
    const location = shape.optObject(item.location, key(path, 'location'));
    const physical = shape.optObject(location?.physicalLocation, key(path, 'location.physicalLocation'));
    if (!location || !physical) continue;
    const place = readPlace(
      shape,
      uris,
      artifacts,
      physical,
      key(path, 'location.physicalLocation'),
    ).location;
    if (!place.path || place.startLine === undefined) continue;
    const message = shape.optObject(location.message, key(path, 'location.message'));
    const step: TraceStep = { path: place.path, line: place.startLine, message: text(message?.text) ?? '' };
    if (place.startColumn !== undefined) step.column = place.startColumn;
    steps.push(step);
  }
  return steps.length > 0 ? steps : undefined;
}
