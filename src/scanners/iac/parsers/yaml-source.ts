import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type Scalar,
} from 'yaml';
import { type IacObject, type IacValue, type Key, Positions } from '../model.js';
import type { ParseDiagnostic } from './parser.js';

/** One YAML document (or a JSON file) as plain values, with the line of every key and item. */
export interface YamlDoc {
  value: IacValue;
  positions: Positions;
  line: number;
  endLine: number;
  /** 0-based position in the stream. */
  index: number;
  /** The comment just before the document (Helm writes `# Source: chart/templates/x.yaml`). */
  comment?: string;
}

export interface YamlRead {
  docs: YamlDoc[];
  diagnostics: ParseDiagnostic[];
}

/**
 * Values produced per document, aliases expanded: a "billion laughs" file of a few lines
 * expands to billions of nodes, so expansion stops here with a diagnostic.
 */
const MAX_NODES = 1_000_000;
const MAX_DEPTH = 500;

class Limit extends Error {}

/** Tags a YAML 1.2 core schema knows; any other `!Tag` is a format extension (CloudFormation's `!Ref`). */
const STANDARD_TAG = /^tag:yaml\.org,2002:/;

/**
 * CloudFormation's short forms become their JSON forms (`!Ref X` → `{Ref: X}`,
 * `!GetAtt A.B` → `{'Fn::GetAtt': 'A.B'}`), so one reader serves YAML and JSON templates.
 */
function tagged(tag: string, value: IacValue): IacValue {
  const name = tag.replace(/^!/, '');
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  return { [`Fn::${name}`]: value };
}

/**
 * Number of values `node` expands to, aliases included, memoised per node so a bomb is
 * measured in time linear in its source rather than in its expansion.
 */
function expandedSize(
  node: unknown,
  doc: Document.Parsed,
  memo: Map<unknown, number>,
  depth: number,
): number {
  if (depth > MAX_DEPTH) return Number.POSITIVE_INFINITY;
  const known = memo.get(node);
  if (known !== undefined) return known;
  memo.set(node, Number.POSITIVE_INFINITY); // an alias cycle counts as infinite
  let n = 1;
  if (isAlias(node)) n = expandedSize(node.resolve(doc), doc, memo, depth + 1);
  else if (isMap(node) || isSeq(node))
    for (const item of node.items) {
      n += isPair(item)
        ? expandedSize(item.value, doc, memo, depth + 1)
        : expandedSize(item, doc, memo, depth + 1);
      if (n > MAX_NODES) break;
    }
  memo.set(node, n);
  return n;
}

class Converter {
  private nodes = 0;
  readonly positions = new Positions();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  line(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  convert(node: unknown, path: Key[], depth: number): IacValue {
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) throw new Limit();
    if (isAlias(node)) return this.convert(node.resolve(this.doc), path, depth + 1);
    const value = this.plain(node, path, depth);
    const tag = (node as Node | null)?.tag;
    return tag && !STANDARD_TAG.test(tag) && tag.startsWith('!') ? tagged(tag, value) : value;
  }

  private plain(node: unknown, path: Key[], depth: number): IacValue {
    if (isMap(node)) return this.map(node.items, path, depth);
    if (isSeq(node))
      return node.items.map((item, i) => {
        const at = [...path, i];
        const range = (item as Node | null)?.range;
        if (range) this.positions.set(at, this.line(range[0]));
        return this.convert(item, at, depth + 1);
      });
    if (isScalar(node)) return scalar(node);
    return null;
  }

  private map(items: readonly unknown[], path: Key[], depth: number): IacObject {
    const out: IacObject = {};
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // `<<: *base` merges the aliased map; keys written in this map win.
      if (key === '<<') {
        this.merge(out, this.convert(pair.value, path, depth + 1));
        continue;
      }
      const at = [...path, key];
      const range = (pair.key as Node | null)?.range;
      if (range) this.positions.set(at, this.line(range[0]));
      out[key] = this.convert(pair.value, at, depth + 1);
    }
    return out;
  }

  private merge(into: IacObject, from: IacValue): void {
    for (const src of Array.isArray(from) ? from : [from])
      if (src && typeof src === 'object' && !Array.isArray(src))
        for (const [k, v] of Object.entries(src)) if (!(k in into)) into[k] = v;
  }
}

function scalar(node: Scalar): IacValue {
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** The yaml library attaches a document's first comment to the document, its contents or the first key. */
function leadingComment(doc: Document.Parsed): string | undefined {
  const c = doc.contents;
  const firstKey = isMap(c) ? (c.items[0]?.key as Node | undefined) : undefined;
  return doc.commentBefore ?? c?.commentBefore ?? firstKey?.commentBefore ?? undefined;
}

/** Reads every document of a YAML stream (or a JSON file); a broken document costs only itself. */
export function readYaml(text: string, path: string): YamlRead {
  const lines = new LineCounter();
  const out: YamlRead = { docs: [], diagnostics: [] };
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    const err = doc.errors[0];
    if (err) {
      out.diagnostics.push({
        level: 'error',
        code: 'syntax-error',
        path,
        line: err.linePos?.[0]?.line,
        message: `YAML: ${err.message.split('\n')[0]}`,
      });
      return;
    }
    if (doc.contents === null) return;
    const c = new Converter(doc, lines);
    try {
      if (expandedSize(doc.contents, doc, new Map(), 0) > MAX_NODES) throw new Limit();
      const value = c.convert(doc.contents, [], 0);
      const [start, end] = doc.contents.range;
      const read: YamlDoc = {
        value,
        positions: c.positions,
        line: c.line(start),
        endLine: c.line(end),
        index,
      };
      const comment = leadingComment(doc);
      if (comment) read.comment = comment;
      out.docs.push(read);
    } catch (e) {
      if (!(e instanceof Limit)) throw e;
      out.diagnostics.push({
        level: 'error',
        code: 'yaml-alias-limit',
        path,
        line: c.line(doc.contents.range[0]),
        message: `document ${index + 1} expands to more than ${MAX_NODES.toLocaleString('en')} values or ${MAX_DEPTH} levels (alias bomb?); skipped`,
      });
    }
  });
  return out;
}
