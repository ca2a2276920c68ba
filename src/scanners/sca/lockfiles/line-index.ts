/**
 * Offset → line for one text, counting newlines only as far as the offsets asked for. Offsets
 * asked in increasing order (document order) cost one pass in total; nothing is allocated, so
 * megabytes of trailing blank lines cost nothing unless a line past them is asked for.
 */
export class LineIndex {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** 1-based line of a character offset. */
  lineOf(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const { text } = this;
    for (let i = text.indexOf('\n', this.offset); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
      this.line++;
    this.offset = offset;
    return this.line;
  }
}

/**
 * The lines that hold something besides whitespace (indentation kept, `\r` dropped), with their
 * 1-based numbers. Blank lines cost no string: a file padded with blank lines is one regex scan.
 */
export function* contentLines(text: string): Generator<{ text: string; line: number }> {
  const lines = new LineIndex(text);
  for (const m of text.matchAll(/^[^\S\n]*\S[^\n]*/gm)) {
    yield { text: m[0].replace(/\r$/, ''), line: lines.lineOf(m.index) };
  }
}
