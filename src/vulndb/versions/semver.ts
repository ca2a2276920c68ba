import { parse, type SemVer } from 'semver';
import { defineOrdering } from './define.js';

/**
 * SemVer 2.0.0 (https://semver.org), as npm, Cargo, Hex and pub read it: prereleases sort
 * before their release (`2.0.0-beta.3 < 2.0.0`), build metadata takes no part in the order.
 * npm writes `v1.2.3` and `=1.2.3` in places, so one leading `=` and `v` are tolerated.
 */
export function parseSemver(version: string): SemVer | undefined {
  return parse(version.trim().replace(/^=?v?/, '')) ?? undefined;
}

export const semverOrdering = defineOrdering<SemVer>({
  name: 'SemVer',
  ecosystems: ['npm', 'crates.io', 'Hex', 'Pub'],
  parse: parseSemver,
  compare: (a, b) => a.compare(b),
});
