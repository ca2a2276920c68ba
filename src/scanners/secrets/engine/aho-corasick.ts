/**
 * A keyword automaton over bytes, case-folded for ASCII. Built as a dense DFA over byte
 * classes (bytes that appear in no keyword share one class), so the hot loop is one table
 * read per byte with no branches for failure links.
 */
export class KeywordAutomaton {
  private readonly classOf = new Uint8Array(256);
  private readonly classes: number;
  private readonly table: Int32Array;
  /** For each state, the ids of the keywords that end there (own and via suffix links). */
  private readonly outputs: (readonly number[] | undefined)[];
  readonly keywordLengths: readonly number[];

  constructor(keywords: readonly string[]) {
    this.keywordLengths = keywords.map((k) => Buffer.byteLength(k));
    this.classes = this.buildClasses(keywords);
    const trie = breadthFirst(buildTrie(keywords.map((k) => foldBytes(k, this.classOf))));
    const { table, outputs } = toDfa(trie, this.classes);
    this.table = table;
    this.outputs = outputs;
  }

  private buildClasses(keywords: readonly string[]): number {
    let next = 1;
    for (const k of keywords) {
      for (const b of Buffer.from(k.toLowerCase())) {
        if (this.classOf[b] === 0) this.classOf[b] = next++;
      }
    }
    if (next > 255) throw new Error('too many distinct keyword bytes');
    for (let b = 65; b <= 90; b++) this.classOf[b] = this.classOf[b + 32]!;
    return next;
  }

  /**
   * Calls `onHit(keywordId, endOffset)` for every keyword occurrence; `endOffset` is one past
   * the keyword's last byte.
   */
  scan(buf: Uint8Array, onHit: (keyword: number, end: number) => void): void {
    const { table, classOf, classes, outputs } = this;
    const n = buf.length;
    // `row` is the state's offset in the table (state * classes), kept premultiplied.
    let row = 0;
    for (let i = 0; i < n; i++) {
      row = table[row + classOf[buf[i]!]!]!;
      if (row < 0) {
        row = -row;
        for (const k of outputs[row / classes]!) onHit(k, i + 1);
      }
    }
  }
}

interface TrieNode {
  next: Map<number, number>;
  out: number[];
}

function foldBytes(k: string, classOf: Uint8Array): number[] {
  return [...Buffer.from(k.toLowerCase())].map((b) => classOf[b]!);
}

/**
 * Renumbers states breadth-first: text keeps the automaton in shallow states, and keeping
 * those rows next to each other keeps them in cache (several times faster with ~700 keywords).
 */
function breadthFirst(nodes: TrieNode[]): TrieNode[] {
  const order = [0];
  for (let i = 0; i < order.length; i++) {
    for (const n of [...nodes[order[i]!]!.next.values()].sort((a, b) => a - b)) order.push(n);
  }
  const newId = new Int32Array(nodes.length);
  order.forEach((old, i) => {
    newId[old] = i;
  });
  return order.map((old) => {
    const n = nodes[old]!;
    return { next: new Map([...n.next].map(([c, t]) => [c, newId[t]!])), out: n.out };
  });
}

function buildTrie(words: number[][]): TrieNode[] {
  const nodes: TrieNode[] = [{ next: new Map(), out: [] }];
  words.forEach((w, id) => {
    let s = 0;
    for (const c of w) {
      let n = nodes[s]!.next.get(c);
      if (n === undefined) {
        n = nodes.length;
        nodes.push({ next: new Map(), out: [] });
        nodes[s]!.next.set(c, n);
      }
      s = n;
    }
    nodes[s]!.out.push(id);
  });
  return nodes;
}

/**
 * Breadth-first construction of the goto function with failure links folded in. A state
 * with outputs is stored negated in the table so the scan loop tests one sign bit.
 */
function toDfa(nodes: TrieNode[], classes: number): { table: Int32Array; outputs: (number[] | undefined)[] } {
  const fail = new Int32Array(nodes.length);
  const goto = new Int32Array(nodes.length * classes);
  const outs: number[][] = nodes.map((n) => [...n.out]);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const n = c === 0 ? undefined : nodes[0]!.next.get(c);
    goto[c] = n ?? 0;
    if (n !== undefined) queue.push(n);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    outs[s]!.push(...outs[fail[s]!]!);
    for (let c = 0; c < classes; c++) {
      const n = c === 0 ? undefined : nodes[s]!.next.get(c);
      if (n === undefined) {
        goto[s * classes + c] = goto[fail[s]! * classes + c]!;
      } else {
        fail[n] = goto[fail[s]! * classes + c]!;
        goto[s * classes + c] = n;
        queue.push(n);
      }
    }
  }
  const outputs = outs.map((o) => (o.length > 0 ? o : undefined));
  const table = goto.map((t) => (outputs[t] ? -t * classes : t * classes));
  return { table, outputs };
}
