import { currentGnuId, lookupLicenseId } from './spdx-data.js';

/**
 * Names people write instead of SPDX ids (`Apache 2.0`, `MIT License`, `GPLv3+`, PyPI classifier
 * names), mapped to the SPDX expression they mean. Where a name carries no version, the version
 * nearly every package using that name means is assumed: `Apache` is Apache-2.0, bare `BSD` is
 * BSD-3-Clause (npm and PyPI usage). Unversioned GPL names are not guessed: they stay unknown.
 */
export function licenseAlias(text: string): string | undefined {
  const key = aliasKey(text);
  if (!key) return undefined;
  return (
    EXACT.get(key) ??
    lookupLicenseId(key.replaceAll(' ', '-')) ??
    familyAlias(key) ??
    gnuAlias(key) ??
    bsdAlias(key)
  );
}

/** Words that never change which license is meant. */
const FILLER = new Set(['the', 'license', 'licence', 'licenses', 'version', 'ver', 'software', 'agreement']);

function aliasKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[,;:"'`]/g, ' ')
    .replace(/\bv(?:er(?:sion)?)?\.?\s*(?=\d)/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w))
    .join(' ');
}

const EXACT: ReadonlyMap<string, string> = new Map(
  Object.entries({
    expat: 'MIT',
    'mit/x11': 'MIT',
    cc0: 'CC0-1.0',
    'cc0 universal': 'CC0-1.0',
    'cc0 1.0 universal': 'CC0-1.0',
    'creative commons zero': 'CC0-1.0',
    'zlib/libpng': 'Zlib',
    'python foundation': 'PSF-2.0',
    psf: 'PSF-2.0',
    psfl: 'PSF-2.0',
    'boost 1.0': 'BSL-1.0',
    boost: 'BSL-1.0',
    apache: 'Apache-2.0',
    asl: 'Apache-2.0',
  }),
);

/** Long or informal family names and the SPDX id prefix their versions take. */
const FAMILIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    apache: 'Apache',
    asl: 'Apache',
    'mozilla public': 'MPL',
    'eclipse public': 'EPL',
    eclipse: 'EPL',
    'common development and distribution': 'CDDL',
    'european union public': 'EUPL',
    'academic free': 'AFL',
    'creative commons attribution': 'CC-BY',
    'creative commons attribution share alike': 'CC-BY-SA',
    'creative commons attribution-sharealike': 'CC-BY-SA',
    'sil open font': 'OFL',
    'open font': 'OFL',
    artistic: 'Artistic',
    boost: 'BSL',
  }),
);

const VERSIONED_NAME = /^(.*?)[\s-]*(\d+)(?:\.(\d+))?$/;

/** `<family> <major>[.<minor>]`: `apache 2`, `mpl2`, `epl 2.0`, `mozilla public 2.0`. */
function familyAlias(key: string): string | undefined {
  const m = VERSIONED_NAME.exec(key);
  if (!m?.[1]) return undefined;
  const prefix = FAMILIES.get(m[1]) ?? m[1].replaceAll(' ', '-');
  return lookupLicenseId(`${prefix}-${m[2]}.${m[3] ?? '0'}`) ?? lookupLicenseId(`${prefix}-${m[2]}`);
}

const GNU =
  /^(?:gnu )?(?:([al])?gpl|(affero |lesser |library |library or lesser )?general public)[\s-]*v?[\s-]*(\d)(?:\.(\d))?(?:[\s-]*(\+|or later|or any later|or-later)|[\s-]*only)?$/;

/** `GPLv3`, `LGPL-2.1+`, `GNU General Public License v2 or later`, `AGPL 3`. */
function gnuAlias(key: string): string | undefined {
  const m = GNU.exec(key);
  if (!m) return undefined;
  const [, abbr, long, major, minor, later] = m;
  const family =
    abbr === 'a' || long?.startsWith('affero')
      ? 'AGPL'
      : abbr === 'l' || long?.startsWith('l')
        ? 'LGPL'
        : 'GPL';
  return currentGnuId(`${family}-${major}.${minor ?? '0'}`, later !== undefined);
}

const BSD =
  /^(?:(new|revised|modified|simplified|free) )?bsd(?:[\s-]*([234])(?:[\s-]*clause)?)?(?: (?:new|revised|new or revised|simplified))?$/;
const CLAUSE_FIRST_BSD = /^([234])[\s-]*clause[\s-]*bsd$/;

function bsdAlias(key: string): string | undefined {
  const m = BSD.exec(key);
  const clauses = m
    ? (m[2] ?? (m[1] === 'simplified' || m[1] === 'free' ? '2' : '3'))
    : CLAUSE_FIRST_BSD.exec(key)?.[1];
  return clauses ? `BSD-${clauses}-Clause` : undefined;
}
