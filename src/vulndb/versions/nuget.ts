import { compareDigits, compareText, defineOrdering } from './define.js';

/**
 * NuGet versions (https://learn.microsoft.com/nuget/concepts/package-versioning): one to four
 * numeric parts, missing ones are zero (`1.0 == 1.0.0.0`), then an optional SemVer prerelease
 * whose labels compare case-insensitively (`1.0.0-Beta == 1.0.0-beta`), numeric labels before
 * alphanumeric ones; build metadata after `+` takes no part in the order.
 */
interface NuGetVersion {
  parts: string[];
  /** Lower-cased labels; empty for a release. */
  prerelease: string[];
}

const LABEL = '[0-9A-Za-z-]+';
const NUGET_VERSION = new RegExp(
  `^(\\d+(?:\\.\\d+){0,3})(?:-(${LABEL}(?:\\.${LABEL})*))?(?:\\+${LABEL}(?:\\.${LABEL})*)?$`,
);

function parseNuGet(version: string): NuGetVersion | undefined {
  const m = NUGET_VERSION.exec(version.trim());
  if (!m) return undefined;
  const parts = m[1]!.split('.');
  while (parts.length < 4) parts.push('0');
  return { parts, prerelease: m[2]?.toLowerCase().split('.') ?? [] };
}

function compareLabel(a: string, b: string): number {
  const aNum = /^\d+$/.test(a);
  const bNum = /^\d+$/.test(b);
  if (aNum && bNum) return compareDigits(a, b);
  return aNum === bNum ? compareText(a, b) : aNum ? -1 : 1;
}

function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareLabel(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareNuGet(a: NuGetVersion, b: NuGetVersion): number {
  for (let i = 0; i < 4; i++) {
    const c = compareDigits(a.parts[i]!, b.parts[i]!);
    if (c !== 0) return c;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

export const nugetOrdering = defineOrdering<NuGetVersion>({
  name: 'NuGet',
  ecosystems: ['NuGet'],
  parse: parseNuGet,
  compare: compareNuGet,
});
