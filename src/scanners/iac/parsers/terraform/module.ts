import { posix } from 'node:path';
import type { Attribute, Block, Body } from '../hcl/index.js';
import type { Diagnostics } from './diagnostics.js';

/** A parsed file: its path relative to the scan root, its text (for Unknowns' source text) and its body. */
export interface ParsedFile {
  path: string;
  text: string;
  body: Body;
}

export interface Declared<T> {
  node: T;
  file: ParsedFile;
}

/** What a block declares in the resource list: resources, data sources, providers, module calls. */
export type EntryKind = 'resource' | 'data' | 'provider' | 'module';

export interface Entry extends Declared<Block> {
  kind: EntryKind;
}

/** Everything a module directory declares, gathered from all its `.tf` files. */
export interface ModuleDecl {
  dir: string;
  variables: Map<string, Declared<Block>>;
  locals: Map<string, Declared<Attribute>>;
  outputs: Map<string, Declared<Block>>;
  /** Resources, data sources, providers and module calls in file and source order. */
  entries: Entry[];
  calls: Map<string, Declared<Block>>;
  /** Values from `terraform.tfvars` then `*.auto.tfvars` (later files win): used when the module is a root. */
  tfvars: Map<string, Declared<Attribute>>;
}

const LABELS: Record<EntryKind, number> = { resource: 2, data: 2, provider: 1, module: 1 };

export function declareModule(
  dir: string,
  tf: ParsedFile[],
  tfvars: ParsedFile[],
  diags: Diagnostics,
): ModuleDecl {
  const decl: ModuleDecl = {
    dir,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    entries: [],
    calls: new Map(),
    tfvars: new Map(),
  };
  for (const file of tf)
    for (const node of file.body.items) {
      if (node.kind !== 'block') continue;
      if (node.type === 'locals') {
        for (const attr of node.body.items)
          if (attr.kind === 'attribute')
            unique(decl.locals, attr.name, { node: attr, file }, 'local value', diags);
      } else if (node.type === 'variable' && node.labels.length === 1)
        unique(decl.variables, node.labels[0]!, { node, file }, 'variable', diags);
      else if (node.type === 'output' && node.labels.length === 1)
        unique(decl.outputs, node.labels[0]!, { node, file }, 'output', diags);
      else if (node.type in LABELS && node.labels.length === LABELS[node.type as EntryKind]) {
        const kind = node.type as EntryKind;
        if (kind === 'module' && !unique(decl.calls, node.labels[0]!, { node, file }, 'module call', diags))
          continue;
        decl.entries.push({ kind, node, file });
      }
    }
  for (const file of tfvars)
    for (const attr of file.body.items)
      if (attr.kind === 'attribute') decl.tfvars.set(attr.name, { node: attr, file });
  return decl;
}

/** Adds a declaration unless its name is taken (Terraform rejects the module; we keep the first). */
function unique<T extends { line: number }>(
  map: Map<string, Declared<T>>,
  name: string,
  d: Declared<T>,
  what: string,
  diags: Diagnostics,
): boolean {
  const first = map.get(name);
  if (!first) {
    map.set(name, d);
    return true;
  }
  diags.warn(
    'terraform-duplicate',
    d.file.path,
    d.node.line,
    `${what} "${name}" is already declared in ${first.file.path}:${first.node.line}`,
  );
  return false;
}

export function attributeOf(body: Body, name: string): Attribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

/**
 * The directory a module call's `source` names when it is a local path (`./x`, `../x`),
 * relative to the scan root: possibly outside it (`../…`). Undefined for registry, git and
 * other remote sources, and for a source that is not a literal string.
 */
export function localSource(dir: string, call: Block): string | undefined {
  const src = attributeOf(call.body, 'source')?.expr;
  if (src?.kind !== 'literal' || typeof src.value !== 'string') return undefined;
  if (!src.value.startsWith('./') && !src.value.startsWith('../')) return undefined;
  return posix.normalize(posix.join(dir, src.value)).replace(/(.)\/+$/, '$1');
}
