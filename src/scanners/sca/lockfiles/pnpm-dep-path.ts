import { isExactVersion, isPackageName, splitNameSpec } from './npm-package.js';

/** What follows the underscore of a 5.x key: resolved peers (`react@18.2.0+…`) or their hash. */
const V5_PEER_SUFFIX = /_(?:[^/]*@[^/]*|[0-9a-f]{32})$/;

/**
 * The key of a pnpm package without its peer-dependency suffix: the same package installed
 * for two sets of peers is one package. Lockfile 6+ writes peers in parentheses
 * (`/a@1.0.0(react@18.2.0)`), 5.x after an underscore in the version (`/a/1.0.0_react@18.2.0`).
 */
export function withoutPeers(key: string, major: number): string {
  const paren = key.indexOf('(');
  if (paren > 0) return key.slice(0, paren);
  return major >= 6 ? key : key.replace(V5_PEER_SUFFIX, '');
}

interface NameVersion {
  name: string;
  version: string;
}

/** Lockfile 5.x keys: `name/1.0.0` or `@scope/name/1.0.0`. */
function slashForm(s: string): NameVersion | undefined {
  const parts = s.split('/');
  const nameParts = parts[0]!.startsWith('@') ? 2 : 1;
  if (parts.length !== nameParts + 1) return undefined;
  return { name: parts.slice(0, nameParts).join('/'), version: parts[nameParts]! };
}

function atForm(s: string): NameVersion {
  const { name, spec } = splitNameSpec(s);
  return { name, version: spec };
}

/**
 * What a package key (peers already stripped) says of the name and version: both for a
 * registry package, only the name for a 6+ key like `a@https://…` (the entry has the
 * version), nothing for a 5.x git key such as `github.com/o/r` (the entry has both).
 */
export function parseDepPath(key: string, major: number): Partial<NameVersion> {
  let s = key;
  if (major < 9) {
    // Before lockfile 9 a key without a leading slash starts with the registry host.
    s = s.startsWith('/') ? s.slice(1) : s.slice(s.indexOf('/') + 1);
  }
  const parsed = major < 6 ? slashForm(s) : atForm(s);
  if (!parsed || !isPackageName(parsed.name)) return {};
  if (isExactVersion(parsed.version)) return parsed;
  // `name@…` always names the package; a 5.x slash key without a version (a git host path) does not.
  return major < 6 ? {} : { name: parsed.name };
}
