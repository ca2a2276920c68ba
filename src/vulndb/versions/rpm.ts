import { compareDigits, compareText, defineOrdering } from './define.js';

/**
 * RPM versions, `[epoch:]version[-release]`, ordered as rpm's rpmvercmp (documented in rpm's
 * "Package version comparison" notes): a missing epoch is 0 (`1.0-1 == 0:1.0-1`, and any epoch
 * beats any version: `1:0.9 > 2.0`); version, then release, compare as runs of digits or
 * letters with other characters only separating them; a digit run beats a letter run; `~` sorts
 * before everything, even the end (`1.0~rc1 < 1.0`), and `^` after the end but before any
 * further run (`1.0 < 1.0^git1 < 1.0.1`).
 */
interface RpmVersion {
  epoch: string;
  version: string;
  release: string;
}

const RPM_VERSION = /^(?:(\d+):)?([A-Za-z0-9._+~^]+)(?:-([A-Za-z0-9._+~^]+))?$/;

function parseRpm(text: string): RpmVersion | undefined {
  const m = RPM_VERSION.exec(text.trim());
  if (!m) return undefined;
  const [, epoch = '0', version = '', release = ''] = m;
  return { epoch, version, release };
}

const SEGMENT = /~|\^|\d+|[A-Za-z]+/g;

/** rpmvercmp over the segments; separators (`.`, `_`, `+`) only split runs and never count. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.match(SEGMENT) ?? [];
  const y = b.match(SEGMENT) ?? [];
  for (let i = 0; ; i++) {
    const s = x[i];
    const t = y[i];
    if (s === '~' || t === '~') {
      if (s !== t) return s === '~' ? -1 : 1;
      continue;
    }
    if (s === '^' || t === '^') {
      if (s === t) continue;
      if (s === undefined) return -1;
      if (t === undefined) return 1;
      return s === '^' ? -1 : 1;
    }
    if (s === undefined || t === undefined) return s === t ? 0 : s === undefined ? -1 : 1;
    const c = compareSegment(s, t);
    if (c !== 0) return c;
  }
}

function compareSegment(s: string, t: string): number {
  const sDigits = /^\d/.test(s);
  const tDigits = /^\d/.test(t);
  if (sDigits !== tDigits) return sDigits ? 1 : -1;
  return sDigits ? compareDigits(s, t) : compareText(s, t);
}

function compareRpm(a: RpmVersion, b: RpmVersion): number {
  return (
    compareDigits(a.epoch, b.epoch) || rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release)
  );
}

export const rpmOrdering = defineOrdering<RpmVersion>({
  name: 'RPM',
  ecosystems: ['Red Hat', 'Rocky Linux', 'AlmaLinux', 'Amazon Linux'],
  parse: parseRpm,
  compare: compareRpm,
});
