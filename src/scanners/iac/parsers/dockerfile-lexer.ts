import type { DockerHeredoc } from './dockerfile-types.js';

/**
 * Splits a Dockerfile into logical instructions, following the Dockerfile reference: parser
 * directives at the very top, `#` comment lines (also inside a continuation), the escape
 * character at the end of a line continuing the instruction, and here-documents after RUN,
 * COPY and ADD.
 */

export type Escape = '\\' | '`';

export interface RawInstruction {
  /** The keyword as written. */
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  rest: string;
  line: number;
  endLine: number;
  heredocs: DockerHeredoc[];
}

export interface LexProblem {
  level: 'warning' | 'error';
  code: string;
  line: number;
  message: string;
}

export interface Lexed {
  escape: Escape;
  directives: Map<string, string>;
  instructions: RawInstruction[];
  problems: LexProblem[];
}

const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

const isCommentOrBlank = (line: string) => {
  const t = line.trimStart();
  return t === '' || t.startsWith('#');
};

/** Reads the directives; returns the index of the first line after them. */
function readDirectives(lines: readonly string[], out: Lexed): number {
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    // An unknown directive is a comment, and a comment ends the directives.
    if (!m || !KNOWN_DIRECTIVES.has(m[1]!.toLowerCase())) break;
    const key = m[1]!.toLowerCase();
    if (out.directives.has(key)) {
      out.problems.push({
        level: 'warning',
        code: 'dockerfile-directive',
        line: i + 1,
        message: `parser directive "${key}" given twice (Docker rejects the file)`,
      });
      continue;
    }
    out.directives.set(key, m[2]!);
  }
  const esc = out.directives.get('escape');
  if (esc === '`') out.escape = '`';
  else if (esc !== undefined && esc !== '\\')
    out.problems.push({
      level: 'warning',
      code: 'dockerfile-directive',
      line: 1,
      message: `invalid escape directive "${esc}" (must be \\ or \`); using \\`,
    });
  return i;
}

interface Marker {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
}

/** The name after `<<`/`<<-` at `i` (quotes removed), and where it ends. */
function markerAt(text: string, i: number): { marker: Marker; end: number } | undefined {
  let j = i + 2;
  const stripTabs = text[j] === '-';
  if (stripTabs) j++;
  let name = '';
  let quoted = false;
  for (; j < text.length && !/\s/.test(text[j]!); j++) {
    const c = text[j]!;
    if (c === '"' || c === "'") quoted = true;
    else name += c;
  }
  return name ? { marker: { name, stripTabs, quoted }, end: j } : undefined;
}

/** Here-document markers in the instruction text, outside quotes: `<<EOF`, `<<-EOF`, `<<"EOF"`. */
function heredocMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (
      c === '<' &&
      text[i + 1] === '<' &&
      text[i + 2] !== '<' &&
      (i === 0 || /[\s\d]/.test(text[i - 1]!))
    ) {
      const found = markerAt(text, i);
      if (found) {
        out.push(found.marker);
        i = found.end;
      } else i++;
    }
  }
  return out;
}

class Lexer {
  private i: number;
  private readonly continuation: RegExp;

  constructor(
    private readonly lines: readonly string[],
    private readonly out: Lexed,
    start: number,
  ) {
    this.i = start;
    this.continuation = new RegExp(`${out.escape === '`' ? '`' : '\\\\'}[ \\t]*$`);
  }

  run(): void {
    while (this.i < this.lines.length) {
      if (isCommentOrBlank(this.lines[this.i]!)) this.i++;
      else this.instruction();
    }
  }

  /** Joins the continuation lines of the instruction starting at the current line. */
  private logicalLine(): string {
    let text = this.lines[this.i]!.trimStart();
    while (this.continuation.test(text)) {
      text = text.replace(this.continuation, '');
      this.i++;
      while (this.i < this.lines.length && isCommentOrBlank(this.lines[this.i]!)) this.i++;
      if (this.i >= this.lines.length) break;
      text += this.lines[this.i]!;
    }
    this.i++;
    return text;
  }

  private instruction(): void {
    const line = this.i + 1;
    const text = this.logicalLine();
    const m = /^(\S+)\s*([\s\S]*)$/.exec(text)!;
    const keyword = m[1]!;
    const rest = m[2]!.trimEnd();
    const heredocs = HEREDOC_INSTRUCTIONS.has(keyword.toUpperCase())
      ? heredocMarkers(rest).map((mk) => this.heredoc(mk))
      : [];
    this.out.instructions.push({ keyword, rest, line, endLine: this.i, heredocs });
  }

  /** Reads a here-document body up to its delimiter line. */
  private heredoc(marker: Marker): DockerHeredoc {
    const start = this.i + 1;
    const body: string[] = [];
    let closed = false;
    while (this.i < this.lines.length) {
      const raw = this.lines[this.i++]!;
      const l = marker.stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (l === marker.name) {
        closed = true;
        break;
      }
      body.push(l);
    }
    if (!closed)
      this.out.problems.push({
        level: 'warning',
        code: 'dockerfile-heredoc',
        line: start - 1,
        message: `here-document "${marker.name}" is never closed`,
      });
    return { name: marker.name, body: body.join('\n'), expand: !marker.quoted, line: start };
  }
}

export function lexDockerfile(text: string): Lexed {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Lexed = { escape: '\\', directives: new Map(), instructions: [], problems: [] };
  const start = readDirectives(lines, out);
  new Lexer(lines, out, start).run();
  return out;
}
