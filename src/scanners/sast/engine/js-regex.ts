/**
 * Rule regexes are written in Rust's syntax (ast-grep runs them). ast-grep compiles every regex
 * of a rule again on each search, which costs more than the search itself; a JavaScript RegExp
 * is compiled once per process. So a metavariable's regex is checked here instead, when it can
 * be translated exactly — for ASCII text only, where both engines agree on `\w`, `\s`, `\d`, `\b`
 * and on case folding. Anything this does not know is refused (undefined) and stays in ast-grep.
 */

const POSIX: Record<string, string> = {
  word: '\\w',
  space: '\\s',
  digit: '\\d',
  alpha: 'A-Za-z',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  xdigit: '0-9A-Fa-f',
};

/** Escapes whose meaning is the same in both engines on ASCII text. */
const SAME_ESCAPES = new Set(['s', 'S', 'w', 'W', 'd', 'D', 'b', 'B', 'n', 't', 'r', 'f', 'v']);

class Untranslatable extends Error {}

/** The RegExp that matches exactly the ASCII strings the Rust regex matches, or undefined. */
export function jsRegexForAscii(rust: string): RegExp | undefined {
  const lead = /^(\^?)\(\?([is]+)\)/.exec(rust);
  const flags = lead ? [...new Set(lead[2])].join('') : '';
  try {
    const body = translate(rust.slice(lead ? lead[0].length : 0), flags.includes('s'));
    return new RegExp((lead?.[1] ?? '') + body, flags);
  } catch (e) {
    if (e instanceof Untranslatable || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

function translate(re: string, dotAll: boolean): string {
  let out = '';
  let i = 0;
  while (i < re.length) {
    const c = re[i]!;
    if (c === '\\') {
      out += escapeSequence(re[i + 1], re[i + 2]);
      i += 2;
    } else if (c === '[') {
      const cls = charClass(re, i);
      out += cls.text;
      i = cls.end;
    } else if (c === '(') {
      const group = groupOpening(re, i);
      out += group.text;
      i = group.end;
    } else if (c === '.') {
      // Rust's `.` stops only at \n; JavaScript's also at \r.
      out += dotAll ? '.' : '[^\\n]';
      i++;
    } else if (c === '{' && re[i + 1] === ',') {
      throw new Untranslatable();
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function escapeSequence(next: string | undefined, after: string | undefined): string {
  if (next === undefined) throw new Untranslatable();
  if (next === 'b' && after === '{') throw new Untranslatable();
  if (SAME_ESCAPES.has(next)) return `\\${next}`;
  // Escaped punctuation is a literal in both, except Rust's word-edge assertions `\<` and `\>`.
  if (/[^A-Za-z0-9<>]/.test(next)) return `\\${next}`;
  throw new Untranslatable();
}

function groupOpening(re: string, i: number): { text: string; end: number } {
  if (re[i + 1] !== '?') return { text: '(', end: i + 1 };
  if (re.startsWith('(?:', i)) return { text: '(?:', end: i + 3 };
  if (re.startsWith('(?-u:\\b)', i)) return { text: '\\b', end: i + 8 };
  const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(re.slice(i));
  if (named) return { text: `(?<${named[1]}>`, end: i + named[0].length };
  throw new Untranslatable();
}

/** A bracket class; Rust's nested classes and set operations (`&&`, `--`, `~~`) are refused. */
function charClass(re: string, start: number): { text: string; end: number } {
  let i = start + 1;
  let out = '[';
  if (re[i] === '^') {
    out += '^';
    i++;
  }
  // A `]` first is a literal in Rust; in JavaScript `[]` is an empty class.
  if (re[i] === ']') {
    out += '\\]';
    i++;
  }
  while (i < re.length && re[i] !== ']') {
    const c = re[i]!;
    if (c === '[') {
      const posix = /^\[:([a-z]+):\]/.exec(re.slice(i));
      const mapped = posix && POSIX[posix[1]!];
      if (!mapped) throw new Untranslatable();
      out += mapped;
      i += posix[0].length;
    } else if (c === '\\') {
      // `\b` is a word edge outside a class, and not the same thing inside one.
      if (re[i + 1] === 'b' || re[i + 1] === 'B') throw new Untranslatable();
      out += escapeSequence(re[i + 1], re[i + 2]);
      i += 2;
    } else if ((c === '&' || c === '-' || c === '~') && re[i + 1] === c) {
      throw new Untranslatable();
    } else {
      out += c;
      i++;
    }
  }
  if (i >= re.length) throw new Untranslatable();
  return { text: `${out}]`, end: i + 1 };
}
