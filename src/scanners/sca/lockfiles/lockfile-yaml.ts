import { parse, YAMLError } from 'yaml';
import { LockfileError } from './parser.js';
import { InvalidYaml, OutsideSubset, readYamlSubset } from './yaml-subset.js';

/**
 * The general YAML library takes about a second per MB, so it only reads files small enough
 * to finish quickly: a hand-edited lockfile with an anchor or a block scalar. A larger file
 * outside the subset package managers write is refused instead of tying up the scan.
 */
export const FULL_YAML_MAX_CHARS = 512 * 1024;

/** A few aliases are legitimate; thousands are an alias bomb. */
const MAX_ALIASES = 100;

/**
 * The general library recurses per nesting level and runs out of memory on a few thousand
 * (a process-wide crash, not an exception): deeper input is refused before it gets there.
 */
const MAX_NESTING = 64;

/** Deepest flow nesting (`[[{…`), or the indentation in columns when that is larger. */
function nestingOf(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x5c && quote === 0x22) i++;
      else if (c === quote || c === 0x0a) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x0a) {
      let j = i + 1;
      while (text.charCodeAt(j) === 0x20) j++;
      max = Math.max(max, Math.floor((j - i - 1) / 2));
    }
  }
  return max;
}

function parseFullYaml(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: MAX_ALIASES, uniqueKeys: true, strict: true, prettyErrors: false });
  } catch (e) {
    const line = e instanceof YAMLError ? e.linePos?.[0]?.line : undefined;
    const first = ((e as Error).message ?? String(e)).split('\n')[0]!;
    throw new LockfileError(`not valid YAML: ${first}`, line);
  }
}

/**
 * Parses a lockfile written in YAML: the fast subset reader first, the general library for
 * small files that need it. Every failure is a `LockfileError` with the line when known.
 */
export function parseLockfileYaml(text: string): unknown {
  try {
    return readYamlSubset(text);
  } catch (e) {
    if (e instanceof InvalidYaml) throw new LockfileError(`not valid YAML: ${e.message}`, e.line);
    if (!(e instanceof OutsideSubset)) throw e;
    if (text.length <= FULL_YAML_MAX_CHARS) {
      if (nestingOf(text) > MAX_NESTING)
        throw new LockfileError(`nested deeper than ${MAX_NESTING} levels`, e.line);
      return parseFullYaml(text);
    }
    throw new LockfileError(
      `uses YAML that package managers do not write (${e.message}); files over ${FULL_YAML_MAX_CHARS / 1024} KiB are only read in that form`,
      e.line,
    );
  }
}
