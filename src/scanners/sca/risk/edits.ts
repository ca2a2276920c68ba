/** The one edit that turns a popular name into a look-alike, in words a reviewer can check. */
export interface Edit {
  kind: 'transposition' | 'substitution' | 'omission' | 'insertion' | 'several';
  /** Index in the candidate where the edit starts. */
  at: number;
  /** The characters involved: the swapped pair, the replaced-and-replacing, the dropped or added one. */
  chars: string;
  /** Why a person would not notice: `adjacent keys`, `doubled letter`, `dropped doubled letter`. */
  hint?: string;
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Pairs of keys that touch on a QWERTY keyboard (same row neighbours and the diagonal below). */
const ADJACENT = new Set<string>();
for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
  const row = KEYBOARD_ROWS[r]!;
  const below = KEYBOARD_ROWS[r + 1] ?? '';
  for (let c = 0; c < row.length; c++) {
    const near = [row[c + 1], below[c], below[c - 1]].filter((k): k is string => k !== undefined);
    for (const k of near) ADJACENT.add(row[c]! + k).add(k + row[c]!);
  }
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Describes how `candidate` differs from `target`, assuming at most one edit separates them. */
export function describeEdit(candidate: string, target: string): Edit {
  const i = firstDifference(candidate, target);
  if (candidate.length === target.length) {
    const [c, t] = [candidate[i]!, target[i]!];
    if (candidate[i + 1] === t && target[i + 1] === c && candidate.slice(i + 2) === target.slice(i + 2))
      return { kind: 'transposition', at: i, chars: t + c };
    if (candidate.slice(i + 1) !== target.slice(i + 1)) return { kind: 'several', at: i, chars: '' };
    return {
      kind: 'substitution',
      at: i,
      chars: t + c,
      ...(ADJACENT.has(t + c) ? { hint: 'adjacent keys' } : {}),
    };
  }
  if (candidate.length + 1 === target.length && candidate.slice(i) === target.slice(i + 1)) {
    const t = target[i]!;
    const doubled = target[i - 1] === t || target[i + 1] === t;
    return { kind: 'omission', at: i, chars: t, ...(doubled ? { hint: 'dropped doubled letter' } : {}) };
  }
  if (candidate.length === target.length + 1 && candidate.slice(i + 1) === target.slice(i)) {
    const c = candidate[i]!;
    const doubled = candidate[i - 1] === c || candidate[i + 1] === c;
    return { kind: 'insertion', at: i, chars: c, ...(doubled ? { hint: 'doubled letter' } : {}) };
  }
  return { kind: 'several', at: i, chars: '' };
}

/** Edits that only change a version-like digit (`vue2`/`vue3`, `d3-v4`): how forks and majors are named. */
export function isDigitEdit(e: Edit): boolean {
  return e.kind !== 'transposition' && /\d/.test(e.chars) && !/^(0o|o0|1l|l1|1i|i1)$/.test(e.chars);
}

/**
 * Edits that make a different name rather than a misspelt one: a letter for a separator
 * (`hash-it`, `hashkit`) or a letter added or taken in front (`jscroll`, `scroll`; `bcrypt`, `crypt`).
 */
export function makesNewWord(e: Edit): boolean {
  const inFront = e.at === 0 && (e.kind === 'insertion' || e.kind === 'omission') && e.hint === undefined;
  return /[-_.]/.test(e.chars) || inFront;
}

/** The slips fingers make: swapped letters, a neighbouring key, a doubled or undoubled letter. */
export function isKeyboardSlip(e: Edit): boolean {
  return e.kind === 'transposition' || e.hint !== undefined;
}

export function explainEdit(e: Edit): string {
  const what = {
    transposition: `letters \`${e.chars}\` swapped`,
    substitution: `\`${e.chars[0]}\` replaced by \`${e.chars[1]}\``,
    omission: `\`${e.chars}\` left out`,
    insertion: `\`${e.chars}\` added`,
    several: 'a few letters changed',
  }[e.kind];
  return e.hint ? `${what}, ${e.hint}` : what;
}
