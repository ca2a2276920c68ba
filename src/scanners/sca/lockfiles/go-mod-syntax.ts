import { nonBlankLines } from './lockfile-text.js';
import { LockfileError } from './parser.js';

/** One go.mod directive, with a block like `require ( … )` spread into one directive per line. */
export interface GoDirective {
  verb: string;
  args: string[];
  /** Text of a trailing `//` comment, trimmed (`indirect`). */
  comment: string;
  line: number;
}

/**
 * Splits go.mod into directives following the syntax of the Go modules reference: `//` comments,
 * interpreted ("…") and raw (`…`) strings, `=>`, and factored blocks opened by `verb (`.
 */
export function readGoDirectives(text: string): GoDirective[] {
  const directives: GoDirective[] = [];
  let block: { verb: string; line: number } | undefined;
  for (const { text: raw, line } of nonBlankLines(text)) {
    const { tokens, comment } = tokenize(raw, line);
    if (!tokens.length) continue;
    if (block) {
      if (tokens.length === 1 && tokens[0] === ')') block = undefined;
      else directives.push({ verb: block.verb, args: tokens, comment, line });
      continue;
    }
    if (tokens.length === 2 && tokens[1] === '(') block = { verb: tokens[0]!, line };
    else if (!(tokens.length === 3 && tokens[1] === '(' && tokens[2] === ')')) {
      directives.push({ verb: tokens[0]!, args: tokens.slice(1), comment, line });
    }
  }
  if (block) throw new LockfileError(`the "${block.verb} (" block is never closed`, block.line);
  return directives;
}

function tokenize(raw: string, line: number): { tokens: string[]; comment: string } {
  const tokens: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (/\s/.test(c)) i++;
    else if (raw.startsWith('//', i)) return { tokens, comment: raw.slice(i + 2).trim() };
    else if (c === '"' || c === '`') i = readQuoted(raw, i, line, tokens);
    else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else if (raw.startsWith('=>', i)) {
      tokens.push('=>');
      i += 2;
    } else i = readBare(raw, i, tokens);
  }
  return { tokens, comment: '' };
}

function readBare(raw: string, start: number, tokens: string[]): number {
  let end = start;
  while (
    end < raw.length &&
    !/[\s()"`]/.test(raw[end]!) &&
    !raw.startsWith('//', end) &&
    !raw.startsWith('=>', end)
  ) {
    end++;
  }
  tokens.push(raw.slice(start, end));
  return end;
}

/** A quoted token; interpreted strings use Go escapes, which JSON's cover for every path Go accepts. */
function readQuoted(raw: string, start: number, line: number, tokens: string[]): number {
  const quote = raw[start]!;
  let end = start + 1;
  while (end < raw.length && raw[end] !== quote) end += quote === '"' && raw[end] === '\\' ? 2 : 1;
  if (end >= raw.length) throw new LockfileError('unterminated quoted string', line);
  const body = raw.slice(start, end + 1);
  try {
    tokens.push(quote === '`' ? body.slice(1, -1) : (JSON.parse(body) as string));
  } catch {
    throw new LockfileError('invalid escape in quoted string', line);
  }
  return end + 1;
}
