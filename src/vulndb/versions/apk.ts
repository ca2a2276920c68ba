import { compareDigits, compareText, defineOrdering } from './define.js';

/**
 * Alpine package versions (apk-tools; the rules are Gentoo's, PMS section 3.2–3.3):
 * `1.2.3[letter][_suffix[N]]…[-rN]`. Numeric parts compare as numbers, except that a later part
 * starting with `0` compares as a decimal fraction (`1.01 < 1.1`); a version with more parts is
 * newer; then the letter (`1.2.3 < 1.2.3a`); then suffixes, where `_alpha < _beta < _pre < _rc`
 * come before the plain release and `_cvs < _svn < _git < _hg < _p` after it
 * (`1.2.3_rc1 < 1.2.3 < 1.2.3_p1`); then the package release `-rN` (missing is `-r0`).
 */
interface ApkVersion {
  numbers: string[];
  letter: string;
  suffixes: { rank: number; n: string }[];
  release: string;
}

const SUFFIX_RANK: Record<string, number> = {
  alpha: -4,
  beta: -3,
  pre: -2,
  rc: -1,
  cvs: 1,
  svn: 2,
  git: 3,
  hg: 4,
  p: 5,
};
const SUFFIX = /_(alpha|beta|pre|rc|cvs|svn|git|hg|p)(\d*)/g;
const APK_VERSION = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:-r(\d+))?$/;

function parseApk(version: string): ApkVersion | undefined {
  const m = APK_VERSION.exec(version.trim());
  if (!m) return undefined;
  const [, numbers = '', letter = '', suffixes = '', release = '0'] = m;
  return {
    numbers: numbers.split('.'),
    letter,
    suffixes: [...suffixes.matchAll(SUFFIX)].map((s) => ({ rank: SUFFIX_RANK[s[1]!]!, n: s[2] || '0' })),
    release,
  };
}

/** PMS 3.3: a part with a leading zero is a fraction, compared without its trailing zeros. */
function compareLaterNumber(a: string, b: string): number {
  if (!a.startsWith('0') && !b.startsWith('0')) return compareDigits(a, b);
  return compareText(a.replace(/0+$/, ''), b.replace(/0+$/, ''));
}

function compareNumbers(a: string[], b: string[]): number {
  const first = compareDigits(a[0]!, b[0]!);
  if (first !== 0) return first;
  for (let i = 1; i < Math.min(a.length, b.length); i++) {
    const c = compareLaterNumber(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A suffix present on one side only compares against the plain release (rank 0). */
function compareSuffixes(a: ApkVersion['suffixes'], b: ApkVersion['suffixes']): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return x ? Math.sign(x.rank) : -Math.sign(y!.rank);
    const c = x.rank - y.rank || compareDigits(x.n, y.n);
    if (c !== 0) return c;
  }
  return 0;
}

function compareApk(a: ApkVersion, b: ApkVersion): number {
  return (
    compareNumbers(a.numbers, b.numbers) ||
    compareText(a.letter, b.letter) ||
    compareSuffixes(a.suffixes, b.suffixes) ||
    compareDigits(a.release, b.release)
  );
}

export const apkOrdering = defineOrdering<ApkVersion>({
  name: 'Alpine',
  ecosystems: ['Alpine'],
  parse: parseApk,
  compare: compareApk,
});
