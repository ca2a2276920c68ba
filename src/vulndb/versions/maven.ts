import { compareDigits, compareText, defineOrdering } from './define.js';

/**
 * Maven's version order (ComparableVersion, as Maven 3.9 resolves versions; the rules are in the
 * POM reference's "Version Order Specification" and the class documentation). The version is
 * split at `.`, `-` and digit/letter transitions; empty parts are `0`. A `-` or a transition
 * opens a nested list holding the rest, so what follows it weighs less than a `.`-part. Maven 3.9
 * also reads `.X` as `-X` for a qualifier X followed by a digit or the end (`1.0.RC1 == 1.0-RC1`).
 * Each list loses its trailing "null" items (`0`, `""`, `ga`, `final`, `release`, empty lists).
 */
type Item =
  | { kind: 'number'; value: string }
  | { kind: 'qualifier'; value: string }
  | { kind: 'list'; items: Item[] };

// Maps, not object literals: qualifiers are untrusted text, and `constructor` is one.
/** Known qualifiers come first, in this order; unknown ones follow, alphabetically. */
const QUALIFIER_RANK = new Map(
  ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'].map((q, i) => [q, i]),
);
const UNKNOWN_RANK = QUALIFIER_RANK.size;
const ALIASES = new Map([
  ['cr', 'rc'],
  ['ga', ''],
  ['final', ''],
  ['release', ''],
]);
/** `a1`, `b2`, `m3`: the short forms only count when a digit follows at once. */
const SHORT_FORMS = new Map([
  ['a', 'alpha'],
  ['b', 'beta'],
  ['m', 'milestone'],
]);

function parseMaven(version: string): Item[] | undefined {
  if (version === '' || /\s/.test(version)) return undefined;
  const text = version.toLowerCase();
  // A leading separator has an empty part before it, and empty parts are `0`.
  const root: Item[] = [];
  let list = root;
  for (const { opensList, item } of tokenize(/^[.-]/.test(text) ? `0${text}` : text)) {
    if (opensList) {
      const sublist: Item[] = [];
      list.push({ kind: 'list', items: sublist });
      list = sublist;
    }
    list.push(item);
  }
  return normalize(root);
}

function* tokenize(text: string): Generator<{ opensList: boolean; item: Item }> {
  for (const m of text.matchAll(/([.-]?)(\d+|[^\d.-]+|)/g)) {
    const [whole, sep = '', body = ''] = m;
    if (whole === '') break;
    const end = m.index + whole.length;
    const digitNext = /\d/.test(text[end] ?? '');
    if (body !== '' && !/^\d/.test(body)) {
      const dotted = sep === '.' && (digitNext || end === text.length);
      yield { opensList: m.index > 0 && (sep !== '.' || dotted), item: qualifier(body, digitNext) };
    } else {
      yield {
        opensList: m.index > 0 && sep !== '.',
        item: { kind: 'number', value: body.replace(/^0+(?=\d)/, '') || '0' },
      };
    }
  }
}

function qualifier(body: string, digitNext: boolean): Item {
  const expanded = (digitNext && SHORT_FORMS.get(body)) || body;
  return { kind: 'qualifier', value: ALIASES.get(expanded) ?? expanded };
}

function isNull(item: Item): boolean {
  if (item.kind === 'list') return item.items.length === 0;
  return item.value === (item.kind === 'number' ? '0' : '');
}

/** Inner lists first, so a list that empties out is itself a null item of its parent. */
function normalize(items: Item[]): Item[] {
  const last = items.at(-1);
  if (last?.kind === 'list') last.items = normalize(last.items);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isNull(item)) items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
  return items;
}

function compareQualifiers(a: string, b: string): number {
  return (
    (QUALIFIER_RANK.get(a) ?? UNKNOWN_RANK) - (QUALIFIER_RANK.get(b) ?? UNKNOWN_RANK) || compareText(a, b)
  );
}

/**
 * Against a missing item (the shorter version's padding), each kind compares with its null; a
 * list with the first of its items that is not null (`1-ga.1 > 1`).
 */
function compareToNothing(a: Item): number {
  if (a.kind === 'number') return a.value === '0' ? 0 : 1;
  if (a.kind === 'qualifier') return compareQualifiers(a.value, '');
  for (const item of a.items) {
    const c = compareToNothing(item);
    if (c !== 0) return c;
  }
  return 0;
}

/** Kinds that differ: `.number` > `-list` > `.qualifier`. */
const KIND_RANK = { qualifier: 0, list: 1, number: 2 };

function compareItems(a: Item, b: Item): number {
  if (a.kind === 'number' && b.kind === 'number') return compareDigits(a.value, b.value);
  if (a.kind === 'qualifier' && b.kind === 'qualifier') return compareQualifiers(a.value, b.value);
  if (a.kind === 'list' && b.kind === 'list') return compareLists(a.items, b.items);
  return KIND_RANK[a.kind] - KIND_RANK[b.kind];
}

function compareLists(a: Item[], b: Item[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const c = x && y ? compareItems(x, y) : x ? compareToNothing(x) : -compareToNothing(y!);
    if (c !== 0) return c;
  }
  return 0;
}

export const mavenOrdering = defineOrdering<Item[]>({
  name: 'Maven',
  ecosystems: ['Maven'],
  parse: parseMaven,
  compare: compareLists,
});
