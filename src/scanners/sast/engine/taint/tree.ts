import type { SgNode } from '@ast-grep/napi';
import type { Shape } from './shapes.js';

/**
 * A syntax node as the taint walker sees it. Every ast-grep call crosses into native code
 * (several microseconds each), so a node's kind, place and children are read once and kept.
 */
export class TNode {
  readonly kind: string;
  /** UTF-16 offsets into the file's text. */
  readonly start: number;
  readonly end: number;
  /** 0-based, as ast-grep reports them. */
  readonly line: number;
  readonly column: number;
  private kids: TNode[] | undefined;
  /** The language adapter's reading of this node, kept for the next walk (loops, other rules). */
  shape: Shape | undefined;
  private readonly fields = new Map<string, TNode[]>();

  constructor(
    readonly sg: SgNode,
    private readonly source: string,
  ) {
    this.kind = kindOf(sg);
    const r = sg.range();
    this.start = r.start.index;
    this.end = r.end.index;
    this.line = r.start.line;
    this.column = r.start.column;
  }

  /** Identifies the node across separate ast-grep searches of the same tree. */
  get key(): string {
    return `${this.start}:${this.end}:${this.kind}`;
  }

  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  /** Named children (punctuation and keywords left out). */
  children(): TNode[] {
    this.kids ??= this.sg.namedChildren().map((c) => new TNode(c, this.source));
    return this.kids;
  }

  /**
   * The i-th named child, from the end when negative. Adapters read most nodes by position:
   * grammar fields cost native calls per child, positions are free once children are read.
   */
  at(i: number): TNode | undefined {
    const kids = this.children();
    return kids[i < 0 ? kids.length + i : i];
  }

  /** The operator between two children, read from the text; the grammar field when text has more (a comment). */
  operatorBetween(left: TNode | undefined, right: TNode | undefined): string {
    if (left && right) {
      const text = this.source.slice(left.end, right.start).trim();
      if (/^[^\w\s]{1,4}$/.test(text) || /^(and|or|in|is|not in|is not|instanceof)$/.test(text)) return text;
    }
    return this.operator();
  }

  field(name: string): TNode | undefined {
    return this.fieldAll(name)[0];
  }

  /** The children in a grammar field, as the same objects `children()` returns when they are named. */
  fieldAll(name: string): TNode[] {
    let found = this.fields.get(name);
    if (found) return found;
    let raw: SgNode[];
    try {
      raw = (this.sg as unknown as Untyped).fieldChildren(name);
    } catch {
      raw = [];
    }
    // Named children never share a start offset, so the offset alone finds the same object.
    const byStart = new Map(this.children().map((c) => [c.start, c]));
    found = raw.map((n) => byStart.get(n.range().start.index) ?? new TNode(n, this.source));
    this.fields.set(name, found);
    return found;
  }

  /** The text of an operator field (operators are anonymous tokens, not named children). */
  operator(field = 'operator'): string {
    return this.field(field)?.text ?? '';
  }
}

/** ast-grep types kinds and fields per grammar; the walker works across grammars with plain strings. */
interface Untyped {
  kind(): string;
  field(name: string): SgNode | null;
  fieldChildren(name: string): SgNode[];
}

export const kindOf = (n: SgNode): string => (n as unknown as Untyped).kind();

/** A node's child in a grammar field, or null. */
export function fieldOf(n: SgNode | null | undefined, name: string): SgNode | null {
  return n ? (n as unknown as Untyped).field(name) : null;
}

/** The key of a node from any search: offsets and kind (a wrapper and its only child can share offsets). */
export function nodeKey(n: SgNode): string {
  const r = n.range();
  return `${r.start.index}:${r.end.index}:${kindOf(n)}`;
}
