import type { Ecosystem } from '../../../core/package.js';

interface Affixes {
  prefixes: readonly string[];
  suffixes: readonly string[];
}

/**
 * Words squatters bolt onto a popular name because they sound official (`node-`, `-js`,
 * `python3-`). Longest first so `nodejs-` wins over `node-`.
 */
const AFFIXES: Partial<Record<Ecosystem, Affixes>> = {
  npm: {
    prefixes: ['nodejs-', 'node-', 'node.', 'node', 'js-'],
    suffixes: ['-nodejs', '-node', '-npm', '.js', '-js', '_js', 'js'],
  },
  // PEP 503 has already turned every separator into `-`.
  PyPI: {
    prefixes: ['python3-', 'python2-', 'python-', 'py3-', 'py2-', 'py-'],
    suffixes: ['-python3', '-python', '-py3', '-py'],
  },
  'crates.io': { prefixes: ['rust-', 'rs-'], suffixes: ['-rust', '-rs'] },
  RubyGems: { prefixes: ['ruby-', 'rb-'], suffixes: ['-ruby', '-rb'] },
};

/** Shortest core left after removing affixes: `d3` from `d3.js`, never a single letter. */
const MIN_CORE = 2;
/** An affix glued on without a separator (`mysqljs`) reads as part of a short word (`memjs`): longer cores only. */
const MIN_GLUED_CORE = 4;

function fits(core: string, affix: string): boolean {
  const glued = /^[a-z0-9]/.test(affix) && /[a-z0-9]$/.test(affix);
  return core.length - affix.length >= (glued ? MIN_GLUED_CORE : MIN_CORE);
}

/** A name with some of its affixes taken off, and which ones. */
export interface Stripped {
  core: string;
  removed: string[];
}

/**
 * The name with a known prefix, a known suffix, or both removed (`nodemailer-js` gives
 * `nodemailer`, `mailer-js` and `mailer`), fewest removals first.
 */
export function affixVariants(ecosystem: Ecosystem, name: string): Stripped[] {
  const a = AFFIXES[ecosystem];
  if (!a || name.startsWith('@')) return [];
  const p = a.prefixes.find((x) => name.startsWith(x) && fits(name, x));
  const s = a.suffixes.find((x) => name.endsWith(x) && fits(name, x));
  const out: Stripped[] = [];
  if (s) out.push({ core: name.slice(0, -s.length), removed: [s] });
  if (p) out.push({ core: name.slice(p.length), removed: [p] });
  if (p && s && fits(name.slice(p.length), s))
    out.push({ core: name.slice(p.length, -s.length), removed: [p, s] });
  return out;
}

/** The name with every affix it carries removed: what `python-dateutil` and `python3-dateutil` share. */
export function stripAffixes(ecosystem: Ecosystem, name: string): string {
  return affixVariants(ecosystem, name).at(-1)?.core ?? name;
}
