import type { Ecosystem } from '../../../core/package.js';
import { affixVariants, stripAffixes } from './affixes.js';
import { OneEditIndex } from './distance.js';
import { describeEdit, type Edit, explainEdit, isDigitEdit, isKeyboardSlip, makesNewWord } from './edits.js';
import { lookalikeKey, normalizeName, npmScope, separatorKey } from './names.js';
import type { PopularList, PopularPackage } from './popular.js';

export type SquatKind = 'separator' | 'lookalike' | 'affix' | 'scope' | 'edit';

export interface SquatMatch {
  /** The popular package the name imitates. */
  target: PopularPackage;
  kind: SquatKind;
  /** How the name differs from the target's, for the finding's message: `letters \`da\` swapped`. */
  evidence: string;
}

/** Below this length one edit turns most names into another real word: no edit-distance check. */
const MIN_EDIT_LENGTH = 5;
/**
 * Short names sit one edit from many others (`fable`, `table`); below this length only a
 * keyboard slip counts, unless the original is among the most popular, where squatters aim.
 */
const ANY_EDIT_LENGTH = 7;
const TOP_TARGET_RANK = 1000;
/** Shorter unscoped names (`core`, `utils`) are everyone's: only longer ones point at one scoped package. */
const MIN_BARE_LENGTH = 6;
/** A word in more popular names than this is a common word, not a project's name. */
const COMMON_WORD_USES = 3;

type Key = (name: string) => string;

/**
 * Popular names of one ecosystem, indexed so that checking a name costs a handful of map
 * look-ups: exact keys for the squatting transformations (separators, look-alike characters,
 * affixes, npm scopes) and a deletion neighbourhood for single edits.
 */
export class TyposquatIndex {
  private readonly known = new Set<string>();
  private readonly bySeparator = new Map<string, PopularPackage>();
  private readonly byLookalike = new Map<string, PopularPackage>();
  private readonly byCore = new Map<string, PopularPackage>();
  private readonly oneEdit = new OneEditIndex<PopularPackage>();
  private readonly knownScopes = new Set<string>();
  /** Target scopes under forms that hide a squat: without separators, look-alikes folded, doubled letters collapsed. */
  private readonly scopeKeys = new Map<string, { scope: string; top: PopularPackage }>();
  /** `splide` for `@splidejs/splide`: the unscoped name people (and models) reach for. */
  private readonly byBareName = new Map<string, PopularPackage>();
  /**
   * Words popular names are made of, and how many owners (npm scopes, or unscoped names) use
   * each: `parser` is everyone's, `pragmatic` is one project's however many packages it has.
   */
  private readonly words = new Map<string, number>();
  private readonly scopeWords = new Map<string, Set<string>>();

  constructor(readonly list: PopularList) {
    list.packages.forEach((p, i) => {
      const n = normalizeName(list.ecosystem, p.name);
      this.known.add(n);
      const scope = npmScope(n);
      this.countWords(n, scope);
      if (scope !== undefined) this.knownScopes.add(scope);
      // Most popular first, so the first package stored under a key is the one to name.
      if (i < list.targets) this.addTarget(p, n);
    });
  }

  private countWords(n: string, scope: string | undefined): void {
    let seen = scope === undefined ? undefined : this.scopeWords.get(scope);
    if (scope !== undefined && !seen) {
      seen = new Set();
      this.scopeWords.set(scope, seen);
    }
    for (const w of words(n)) {
      if (seen?.has(w)) continue;
      seen?.add(w);
      this.words.set(w, (this.words.get(w) ?? 0) + 1);
    }
  }

  private addTarget(p: PopularPackage, n: string): void {
    setFirst(this.bySeparator, separatorKey(n), p);
    setFirst(this.byLookalike, lookalikeKey(n), p);
    setFirst(this.byCore, separatorKey(stripAffixes(this.list.ecosystem, n)), p);
    const scope = npmScope(n);
    if (scope !== undefined) {
      for (const key of scopeKeys(scope)) setFirst(this.scopeKeys, key, { scope, top: p });
      const bare = n.slice(scope.length + 2);
      if (bare.length >= MIN_BARE_LENGTH) setFirst(this.byBareName, bare, p);
    }
    if (n.length >= MIN_EDIT_LENGTH && !n.startsWith('@')) this.oneEdit.add(n, p);
  }

  /** True when the name is on the popular list (then it is never a typosquat). */
  isPopular(name: string): boolean {
    return this.known.has(normalizeName(this.list.ecosystem, name));
  }

  /** The popular package this name imitates, or undefined. */
  match(name: string): SquatMatch | undefined {
    const n = normalizeName(this.list.ecosystem, name);
    if (this.known.has(n)) return undefined;
    const scope = npmScope(n);
    if (scope !== undefined) return this.scopeMatch(n, scope);
    return (
      this.keyMatch(n, separatorKey, this.bySeparator, 'separator') ??
      this.keyMatch(name, lookalikeKey, this.byLookalike, 'lookalike') ??
      this.affixMatch(n) ??
      this.bareNameMatch(n) ??
      this.editMatch(n)
    );
  }

  private keyMatch(
    name: string,
    key: Key,
    map: Map<string, PopularPackage>,
    kind: SquatKind,
  ): SquatMatch | undefined {
    const target = map.get(key(name));
    if (!target) return undefined;
    return {
      target,
      kind,
      evidence: kind === 'separator' ? 'different separators' : 'look-alike characters',
    };
  }

  /** `jquery.js` is `jquery` plus `.js`; `python3-dateutil` is `python-dateutil` with another prefix. */
  private affixMatch(n: string): SquatMatch | undefined {
    const variants = affixVariants(this.list.ecosystem, n);
    for (const { core, removed } of variants) {
      const target = this.bySeparator.get(separatorKey(core));
      if (target)
        return {
          target,
          kind: 'affix',
          evidence: `\`${removed.join('`, `')}\` added`,
        };
    }
    const core = variants.at(-1)?.core;
    const target = core === undefined ? undefined : this.byCore.get(separatorKey(core));
    return target && { target, kind: 'affix', evidence: 'a different prefix or suffix' };
  }

  private bareNameMatch(n: string): SquatMatch | undefined {
    const target = this.byBareName.get(n);
    if (!target || this.isGeneric(n)) return undefined;
    return { target, kind: 'scope', evidence: 'its scope left out' };
  }

  /**
   * An npm scope belongs to one owner, so a scoped name is suspect only when its scope is
   * not a popular one but looks like one (`@typescript-eslnt/parser`).
   */
  private scopeMatch(n: string, scope: string): SquatMatch | undefined {
    if (this.knownScopes.has(scope)) return undefined;
    const bare = n.slice(scope.length + 2);
    for (const key of scopeKeys(scope)) {
      const popular = this.scopeKeys.get(key);
      if (!popular) continue;
      const target = this.bySeparator.get(separatorKey(`@${popular.scope}/${bare}`)) ?? popular.top;
      return { target, kind: 'scope', evidence: `scope \`@${scope}\` instead of \`@${popular.scope}\`` };
    }
    return this.keyMatch(n, separatorKey, this.bySeparator, 'separator');
  }

  /**
   * True when the name is a family member built from real words: `is-blob` beside `is-glob`
   * changes one word of several into another word popular names use. A one-word name gets no
   * such benefit of the doubt: `request` is a word too, and the classic squat of `requests`.
   */
  private madeOfWords(candidate: string, target: string): boolean {
    const own = words(candidate);
    if (own.length < 2) return false;
    const targetWords = new Set(words(target));
    return own.filter((w) => !targetWords.has(w)).every((w) => this.words.has(w));
  }

  /** True when every word of the name is common in popular names (`parser`, `line-utils`). */
  private isGeneric(name: string): boolean {
    return words(name).every((w) => (this.words.get(w) ?? 0) > COMMON_WORD_USES);
  }

  private editMatch(n: string): SquatMatch | undefined {
    if (n.length < MIN_EDIT_LENGTH) return undefined;
    let best: SquatMatch | undefined;
    for (const { key: t, value: target } of this.oneEdit.near(n)) {
      if (best && best.target.rank <= target.rank) continue;
      const edit = describeEdit(n, t);
      if (this.plausibleSlip(n, t, edit, target.rank))
        best = { target, kind: 'edit', evidence: explainEdit(edit) };
    }
    return best;
  }

  /** Whether one edit from `target` to `n` reads as a slip rather than as another real name. */
  private plausibleSlip(n: string, target: string, edit: Edit, rank: number): boolean {
    if (edit.kind === 'several' || makesNewWord(edit) || this.madeOfWords(n, target)) return false;
    if (isDigitEdit(edit) && !(droppedLastDigit(edit, target) && rank <= TOP_TARGET_RANK)) return false;
    return n.length >= ANY_EDIT_LENGTH || isKeyboardSlip(edit) || rank <= TOP_TARGET_RANK;
  }
}

/** `urllib` for `urllib3`: the bare word a top package's version digit was added to. */
function droppedLastDigit(e: Edit, target: string): boolean {
  return e.kind === 'omission' && e.at === target.length - 1;
}

function words(name: string): string[] {
  return name.split(/[-_.@/]+/).filter((w) => w.length > 0);
}

function setFirst<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/**
 * Scopes are short and many real ones sit one letter apart (`@clerk`, `@clerc`, `@pinojs`,
 * `@pionjs`): only separators, look-alikes and doubled letters (`@babbel`) count.
 */
function scopeKeys(scope: string): string[] {
  return [separatorKey(scope), `~${lookalikeKey(scope)}`, `=${separatorKey(scope).replace(/(.)\1+/g, '$1')}`];
}

const indexes = new Map<Ecosystem, TyposquatIndex>();

/** One index per popular list, built on first use. */
export function typosquatIndex(list: PopularList): TyposquatIndex {
  let index = indexes.get(list.ecosystem);
  if (!index || index.list !== list) {
    index = new TyposquatIndex(list);
    indexes.set(list.ecosystem, index);
  }
  return index;
}
