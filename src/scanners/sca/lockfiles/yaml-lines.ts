import { OutsideSubset } from './yaml-errors.js';

/**
 * The lines of a YAML text that carry content, one at a time (blank lines, comment lines and
 * a leading `---` skipped), so that a 20 MB lockfile is never held as an array of lines.
 */
export class LineCursor {
  /** 1-based number of the current line. */
  no = 0;
  /** Spaces before the current line's content; -1 once past the last line. */
  indent = -1;
  /** The current line without its indentation and trailing spaces. */
  content = '';
  private pos = 0;
  private lineNo = 0;
  private first = true;

  constructor(private readonly text: string) {
    this.advance();
  }

  get done(): boolean {
    return this.indent < 0;
  }

  advance(): void {
    const text = this.text;
    while (this.pos <= text.length) {
      const start = this.pos;
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      this.pos = end + 1;
      this.lineNo++;
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const c = text.charCodeAt(i);
      if (i === end || c === 35 /* # */ || c === 13) continue;
      const content = text.slice(i, end).trimEnd();
      if (content === '' || this.skipMarker(content, i - start)) continue;
      this.no = this.lineNo;
      this.indent = i - start;
      this.content = content;
      return;
    }
    this.indent = -1;
    this.content = '';
  }

  /** A leading `---` is allowed; later document markers, directives and tab indentation are not. */
  private skipMarker(content: string, indent: number): boolean {
    const first = this.first;
    this.first = false;
    if (content.charCodeAt(0) === 9) throw new OutsideSubset('tab in indentation', this.lineNo);
    if (indent !== 0) return false;
    if (first && (content === '---' || content.startsWith('--- #'))) return true;
    if (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))
      throw new OutsideSubset('document markers or directives', this.lineNo);
    return false;
  }
}
