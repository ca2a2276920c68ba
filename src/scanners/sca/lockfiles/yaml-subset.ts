/**
 * A fast reader for the YAML that package managers write (pnpm-lock.yaml, yarn berry's
 * yarn.lock): block mappings and sequences, plain and quoted scalars, one-line flow
 * collections, comments. The general YAML library reads about 1 MB/s, far too slow for a
 * monorepo's lockfile; this reads tens of MB/s. Anything else (anchors, tags, block or
 * multi-line scalars, complex keys, tabs in indentation) raises `OutsideSubset`, and the
 * caller decides whether the general library may take over.
 */
import { InvalidYaml, OutsideSubset } from './yaml-errors.js';
import { LineReader, MAX_DEPTH, setKey } from './yaml-line-reader.js';
import { LineCursor } from './yaml-lines.js';

export { InvalidYaml, OutsideSubset };

function isSequenceItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

class BlockReader {
  constructor(private readonly cur: LineCursor) {}

  document(): unknown {
    if (this.cur.done) return null;
    const value = this.node(this.cur.indent, 0);
    if (!this.cur.done) throw new OutsideSubset('a line indented less than the first one', this.cur.no);
    return value;
  }

  private node(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new InvalidYaml(`nested deeper than ${MAX_DEPTH} levels`, this.cur.no);
    return isSequenceItem(this.cur.content) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** The value of a key or item that ended its line: a nested block, or null. */
  private nested(indent: number, depth: number, allowSameIndentSequence: boolean): unknown {
    const cur = this.cur;
    if (cur.indent > indent) return this.node(cur.indent, depth + 1);
    if (allowSameIndentSequence && cur.indent === indent && isSequenceItem(cur.content))
      return this.sequence(indent, depth + 1);
    return null;
  }

  /** Nothing may sit deeper under a line that already had its value. */
  private noContinuation(indent: number): void {
    if (this.cur.indent > indent) throw new OutsideSubset('a value continued on the next line', this.cur.no);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const cur = this.cur;
    while (cur.indent === indent) {
      if (isSequenceItem(cur.content)) throw new OutsideSubset('a list item among mapping keys', cur.no);
      const r = new LineReader(cur.content, cur.no);
      const { key, rest } = r.key();
      if (Object.hasOwn(out, key)) throw new InvalidYaml(`duplicate key "${key}"`, cur.no);
      const ended = rest >= r.s.length || r.s[rest] === '#';
      const value = ended ? undefined : r.value(rest);
      cur.advance();
      if (ended) {
        setKey(out, key, this.nested(indent, depth, true));
      } else {
        setKey(out, key, value);
        this.noContinuation(indent);
      }
    }
    this.checkDedent(indent);
    return out;
  }

  private sequence(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    const cur = this.cur;
    while (cur.indent === indent && isSequenceItem(cur.content)) {
      const r = new LineReader(cur.content, cur.no);
      const rest = r.skipSpaces(1);
      const ended = rest >= r.s.length || r.s[rest] === '#';
      const value = ended ? undefined : r.value(rest);
      cur.advance();
      if (ended) {
        out.push(this.nested(indent, depth, false));
      } else {
        out.push(value);
        this.noContinuation(indent);
      }
    }
    this.checkDedent(indent);
    return out;
  }

  /** A block ends at a line indented less than itself; one indented more is out of place. */
  private checkDedent(indent: number): void {
    if (this.cur.indent > indent) throw new OutsideSubset('unexpected indentation', this.cur.no);
  }
}

/** Reads `text` if it stays inside the lockfile subset of YAML; throws `OutsideSubset` or `InvalidYaml` otherwise. */
export function readYamlSubset(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return new BlockReader(new LineCursor(body)).document();
}
