import { compareDigits, defineOrdering } from './define.js';

/**
 * Debian package versions, `[epoch:]upstream[-revision]`, ordered as deb-version(7) and Debian
 * Policy 5.6.12 describe: epochs numerically (missing is 0); upstream and revision each as
 * alternating runs of non-digits and digits, where in the non-digit runs `~` sorts before
 * everything, even the end of the string (`1.0~rc1 < 1.0`), then the end, then letters, then
 * all other characters; digit runs compare numerically.
 */
interface DebVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

const DEB_VERSION = /^(?:(\d+):)?([0-9][A-Za-z0-9.+~-]*?)(?:-([A-Za-z0-9.+~]+))?$/;

function parseDeb(version: string): DebVersion | undefined {
  const m = DEB_VERSION.exec(version.trim());
  // `1.0-` would have an empty revision, which dpkg refuses.
  if (!m || m[2]!.endsWith('-')) return undefined;
  const [, epoch = '0', upstream = '', revision = ''] = m;
  return { epoch, upstream, revision };
}

/** The weight of one character of a non-digit run; `undefined` is the end of the run. */
function weight(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The run of characters from `start` that are (or are not) digits. */
function run(text: string, start: number, digits: boolean): string {
  let end = start;
  while (end < text.length && isDigit(text[end]) === digits) end++;
  return text.slice(start, end);
}

function compareNonDigits(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = weight(a[i]) - weight(b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** dpkg's verrevcmp: alternate non-digit and digit runs until one differs. */
export function compareDebianPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const textA = run(a, i, false);
    const textB = run(b, j, false);
    const text = compareNonDigits(textA, textB);
    if (text !== 0) return text;
    i += textA.length;
    j += textB.length;
    const numA = run(a, i, true);
    const numB = run(b, j, true);
    const num = compareDigits(numA || '0', numB || '0');
    if (num !== 0) return num;
    i += numA.length;
    j += numB.length;
  }
  return 0;
}

function compareDeb(a: DebVersion, b: DebVersion): number {
  return (
    compareDigits(a.epoch, b.epoch) ||
    compareDebianPart(a.upstream, b.upstream) ||
    compareDebianPart(a.revision, b.revision)
  );
}

export const dpkgOrdering = defineOrdering<DebVersion>({
  name: 'Debian',
  ecosystems: ['Debian', 'Ubuntu'],
  parse: parseDeb,
  compare: compareDeb,
});
