import type { ConstraintSpec, MatcherSpec } from '../format/schema.js';

/**
 * Words too common to tell files apart. Keywords also match as anonymous tokens, which a
 * pattern's author may not expect to need, so they are never used as anchors.
 */
const STOP = new Set(
  (
    'and as async await break case catch class const continue def default defer del do elif else ' +
    'except export extends false final finally for from func function go if import in instanceof ' +
    'interface is lambda let new nil none not null or package pass private protected public raise ' +
    'range return self static struct super switch this throw true try type typeof var void while with yield'
  ).split(' '),
);

const METAVARIABLE = /\$\$\$[A-Z0-9_]*|\$[A-Z_][A-Z0-9_]*/g;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
/** How a file is cut into words: identifiers, and the words inside strings and comments. */
const TOKEN = /[A-Za-z_$][\w$]*/g;

/** The words of a file, for anchor checks (one pass over the text). */
export function wordsOf(text: string): ReadonlySet<string> {
  return new Set(text.match(TOKEN));
}

/**
 * Words at least one of which must be in a file for the matcher to match anything in it.
 * Every identifier in a pattern is matched literally, and a metavariable constrained to a
 * list of words (`regex: '^(query|execute)$'`) matches one of them, so a file without any of
 * those words cannot match. Checking a set of words costs far less than a tree search.
 * Undefined when nothing is known (kind- or regex-only matchers, explicit contexts).
 */
export function anchorsOf(m: MatcherSpec): readonly string[] | undefined {
  const own = patternAnchors(m);
  if (own) return own;
  for (const part of [...(m.all ?? []), m.inside, m.has]) {
    const a = part && anchorsOf(part);
    if (a) return a;
  }
  if (m.any) {
    const alternatives = m.any.map(anchorsOf);
    if (alternatives.every((a) => a !== undefined)) return [...new Set(alternatives.flat())];
  }
  return undefined;
}

/** The pattern's longest literal word, else the most selective word list of its constraints. */
function patternAnchors(m: MatcherSpec): readonly string[] | undefined {
  if (typeof m.pattern !== 'string') return undefined;
  const word = rarestWord(m.pattern);
  if (word) return [word];
  let best: string[] | undefined;
  for (const c of Object.values(m.where ?? {})) {
    const words = literalWords(c);
    if (words && (!best || shortest(words) > shortest(best))) best = words;
  }
  return best;
}

const shortest = (words: readonly string[]) => Math.min(...words.map((w) => w.length));

/** The longest identifier of a pattern, metavariables and keywords left out. */
function rarestWord(pattern: string): string | undefined {
  const words = pattern.replace(METAVARIABLE, ' ').match(WORD) ?? [];
  let best: string | undefined;
  for (const w of words) if (w.length >= 2 && !STOP.has(w) && (!best || w.length > best.length)) best = w;
  return best;
}

/** `^(query|execute)$` or `^exec$`: the words a constrained metavariable can only be. */
function literalWords(c: ConstraintSpec): string[] | undefined {
  const m = c.regex ? /^\^\(?(?:\?:)?([\w$]+(?:\|[\w$]+)*)\)?\$$/.exec(c.regex) : null;
  return m ? m[1]!.split('|') : undefined;
}

/** True when the file may hold a match: no anchors known, or one of them is among its words. */
export function mayMatch(anchors: readonly string[] | undefined, words: ReadonlySet<string>): boolean {
  return anchors === undefined || anchors.some((w) => words.has(w));
}
