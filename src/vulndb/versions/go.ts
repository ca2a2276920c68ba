import { parse, type SemVer } from 'semver';
import { defineOrdering } from './define.js';

/**
 * Go module versions (https://go.dev/ref/mod#versions): SemVer with a `v` prefix. OSV's Go data
 * drops the `v` (`"fixed": "1.2.3"`) while go.mod keeps it, so both spellings are read.
 * Pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`, `v1.2.4-0.20191109021931-daa7c04131f5`)
 * are ordinary prereleases built so that SemVer orders them by commit time; `+incompatible`
 * is build metadata and so takes no part in the order. `v1` and `v1.2` are Go's shorthands
 * for `v1.0.0` and `v1.2.0`.
 */
const GO_VERSION = /^v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*)([-+].*)?)?)?$/;

function parseGo(version: string): SemVer | undefined {
  const m = GO_VERSION.exec(version);
  if (!m) return undefined;
  const [, major, minor = '0', patch = '0', tail = ''] = m;
  return parse(`${major}.${minor}.${patch}${tail}`) ?? undefined;
}

export const goOrdering = defineOrdering<SemVer>({
  name: 'Go module',
  ecosystems: ['Go'],
  parse: parseGo,
  compare: (a, b) => a.compare(b),
});
