import { posix } from 'node:path';
import type { IacDocument, IacResource } from '../../model.js';
import { parseHcl } from '../hcl/index.js';
import type { ParseResult, SourceFile } from '../parser.js';
import { Diagnostics } from './diagnostics.js';
import { ModuleInstance } from './instance.js';
import { parseTerraformJson } from './json-syntax.js';
import { declareModule, localSource, type ModuleDecl, type ParsedFile } from './module.js';

/** Resource instances per document beyond this are not built (modules with large counts calling each other). */
const MAX_RESOURCES = 50_000;

const isVarsFile = (path: string) => path.endsWith('.tfvars') || path.endsWith('.tfvars.json');

/** `terraform.tfvars[.json]` and `*.auto.tfvars[.json]` are read by Terraform itself; others need `-var-file`. */
const autoLoaded = (path: string) => {
  const base = posix.basename(path).replace(/\.json$/, '');
  return base === 'terraform.tfvars' || base.endsWith('.auto.tfvars');
};

/** terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars[.json] in lexical order: later files win. */
const tfvarsOrder = (a: ParsedFile, b: ParsedFile) => {
  const rank = (f: ParsedFile) =>
    ['terraform.tfvars', 'terraform.tfvars.json'].indexOf(posix.basename(f.path)) >>> 0;
  return rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
};

function parseFile(f: SourceFile, diags: Diagnostics): ParsedFile | undefined {
  // JSON files quote their strings from a text of their own (see json-syntax.ts).
  const r = f.path.endsWith('.json')
    ? parseTerraformJson(f.text, isVarsFile(f.path))
    : { ...parseHcl(f.text), text: f.text };
  if (r.body) return { path: f.path, text: r.text, body: r.body };
  diags.add('error', 'syntax-error', f.path, r.error.line, `${r.error.message} (column ${r.error.col})`);
  return undefined;
}

/**
 * Loads Terraform files: one module per directory. A directory another one calls as a local
 * module is read through its callers (`module.x.aws_vpc.main`, with the caller's inputs);
 * every other directory is a root module and one document.
 */
export function loadTerraform(files: readonly SourceFile[]): ParseResult {
  const diags = new Diagnostics();
  const byDir = new Map<string, { tf: ParsedFile[]; tfvars: ParsedFile[] }>();
  for (const f of files) {
    const isVars = isVarsFile(f.path);
    if (isVars && !autoLoaded(f.path)) continue;
    const parsed = parseFile(f, diags);
    if (!parsed) continue;
    const dir = posix.dirname(f.path);
    const group = byDir.get(dir) ?? { tf: [], tfvars: [] };
    byDir.set(dir, group);
    (isVars ? group.tfvars : group.tf).push(parsed);
  }
  const modules = new Map<string, ModuleDecl>();
  for (const [dir, g] of byDir)
    if (g.tf.length > 0) modules.set(dir, declareModule(dir, g.tf, g.tfvars.sort(tfvarsOrder), diags));
  const documents: IacDocument[] = [];
  for (const dir of rootsOf(modules)) {
    const load = { modules, diags, budget: { left: MAX_RESOURCES } };
    const root = new ModuleInstance(load, modules.get(dir)!, '', undefined, [dir]);
    documents.push({ platform: 'terraform', path: dir, resources: uniqueAddresses(root.resources(), diags) });
  }
  return { documents, diagnostics: diags.list };
}

/**
 * Directories no other directory calls, in path order; then, for modules only reachable
 * through a cycle of calls, the first of each cycle (so nothing is silently left out).
 */
function rootsOf(modules: ReadonlyMap<string, ModuleDecl>): string[] {
  const callees = new Map<string, string[]>();
  const called = new Set<string>();
  for (const [dir, decl] of modules) {
    const list = [...decl.calls.values()]
      .map((c) => localSource(dir, c.node))
      .filter((d): d is string => d !== undefined && d !== dir && modules.has(d));
    callees.set(dir, list);
    for (const d of list) called.add(d);
  }
  const dirs = [...modules.keys()].sort();
  const roots = dirs.filter((d) => !called.has(d));
  const reached = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length) {
      const d = stack.pop()!;
      if (reached.has(d)) continue;
      reached.add(d);
      stack.push(...(callees.get(d) ?? []));
    }
  };
  roots.forEach(visit);
  for (const d of dirs)
    if (!reached.has(d)) {
      roots.push(d);
      visit(d);
    }
  return roots;
}

/** Terraform rejects two blocks with the same address; we keep the first and say so. */
function uniqueAddresses(resources: IacResource[], diags: Diagnostics): IacResource[] {
  const seen = new Map<string, IacResource>();
  return resources.filter((r) => {
    const first = seen.get(r.address);
    if (!first) {
      seen.set(r.address, r);
      return true;
    }
    diags.warn(
      'terraform-duplicate',
      r.path,
      r.line,
      `${r.address} is already declared in ${first.path}:${first.line}`,
    );
    return false;
  });
}
