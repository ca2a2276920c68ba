import { nonBlankLines } from './lockfile-text.js';

/** One logical line of a requirements file: continuations joined, comment removed. */
export interface LogicalLine {
  text: string;
  /** Where the logical line starts, 1-based. */
  line: number;
}

/**
 * pip's rule: a comment starts at a `#` that opens the line or follows whitespace (so URL
 * fragments survive). One whitespace character, not a run: `\s+#` backtracks quadratically on
 * long runs of blanks.
 */
const COMMENT = /(?:^|\s)#/;

/**
 * pip's reading of a requirements file: a line ending in `\` continues on the next one, except
 * that a comment line or a blank line ends the logical line; then comments are cut.
 */
export function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  let pending: (LogicalLine & { last: number }) | undefined;
  const emit = (entry: LogicalLine) => {
    const comment = COMMENT.exec(entry.text);
    const stripped = (comment ? entry.text.slice(0, comment.index) : entry.text).trim();
    if (stripped) result.push({ text: stripped, line: entry.line });
  };
  for (const { text: line, line: number, indented } of nonBlankLines(text)) {
    if (pending && number > pending.last + 1) {
      emit(pending);
      pending = undefined;
    }
    const isComment = line.startsWith('#');
    // Words of a continued line stay apart from the previous line's last word, as in pip.
    const piece = pending && indented ? ` ${line}` : line;
    if (line.endsWith('\\') && !isComment) {
      pending = {
        text: (pending?.text ?? '') + piece.slice(0, -1),
        line: pending?.line ?? number,
        last: number,
      };
      continue;
    }
    // A comment line inside a continuation ends it without joining the requirement's text.
    emit(
      pending
        ? { text: pending.text + (isComment ? '' : piece), line: pending.line }
        : { text: line, line: number },
    );
    pending = undefined;
  }
  if (pending) emit(pending);
  return result;
}

/** A logical line split like pip does: words up to the first one starting with `-` are the requirement. */
export function splitOptions(text: string): { requirement: string; options: string[] } {
  const words = text.split(/\s+/);
  const firstOption = words.findIndex((word) => word.startsWith('-'));
  if (firstOption < 0) return { requirement: text, options: [] };
  return { requirement: words.slice(0, firstOption).join(' '), options: words.slice(firstOption) };
}

/** The values of `--hash=v` / `--hash v` among a requirement's options. */
export function hashOptions(options: string[]): string[] {
  const hashes: string[] = [];
  options.forEach((option, index) => {
    if (option.startsWith('--hash=')) hashes.push(option.slice('--hash='.length));
    else if (option === '--hash' && options[index + 1] && !options[index + 1]!.startsWith('-')) {
      hashes.push(options[index + 1]!);
    }
  });
  return hashes;
}
