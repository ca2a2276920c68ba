import parse from 'spdx-expression-parse';
import { currentGnuId } from './spdx-data.js';

export type LicenseNode = parse.Info;
export type LicenseLeaf = parse.LicenseInfo;

/**
 * Longer strings are not license expressions but pasted license texts; the cap also bounds the
 * recursion of the parser (each nesting level costs at least two characters).
 */
export const MAX_EXPRESSION_LENGTH = 512;

/** Deprecated ids that folded an exception into the id, as the SPDX list replaces them. */
const WITH_EXCEPTION: Readonly<Record<string, { license: string; exception: string }>> = {
  'GPL-2.0-with-GCC-exception': { license: 'GPL-2.0', exception: 'GCC-exception-2.0' },
  'GPL-2.0-with-autoconf-exception': { license: 'GPL-2.0', exception: 'Autoconf-exception-2.0' },
  'GPL-2.0-with-bison-exception': { license: 'GPL-2.0', exception: 'Bison-exception-2.2' },
  'GPL-2.0-with-classpath-exception': { license: 'GPL-2.0', exception: 'Classpath-exception-2.0' },
  'GPL-2.0-with-font-exception': { license: 'GPL-2.0', exception: 'Font-exception-2.0' },
  'GPL-3.0-with-GCC-exception': { license: 'GPL-3.0', exception: 'GCC-exception-3.1' },
  'GPL-3.0-with-autoconf-exception': { license: 'GPL-3.0', exception: 'Autoconf-exception-3.0' },
};

/** Parses a strict SPDX expression into its canonical form; undefined when it is not one. */
export function parseExpression(text: string): LicenseNode | undefined {
  if (text.length > MAX_EXPRESSION_LENGTH) return undefined;
  try {
    return canonical(parse(text));
  } catch {
    return undefined;
  }
}

function canonical(node: LicenseNode): LicenseNode {
  if ('license' in node) return canonicalLeaf(node);
  return { conjunction: node.conjunction, left: canonical(node.left), right: canonical(node.right) };
}

/** Deprecated GNU forms become their current ids (`GPL-2.0+` → `GPL-2.0-or-later`). */
function canonicalLeaf(leaf: LicenseLeaf): LicenseLeaf {
  const folded = leaf.exception ? undefined : WITH_EXCEPTION[leaf.license];
  const license = folded?.license ?? leaf.license;
  const exception = folded?.exception ?? leaf.exception;
  const plus = leaf.plus === true && !license.endsWith('-or-later');
  const current = currentGnuId(license, plus);
  const out: LicenseLeaf = { license: current ?? license };
  if (plus && !current) out.plus = true;
  if (exception) out.exception = exception;
  return out;
}

export function formatExpression(node: LicenseNode): string {
  if ('license' in node) {
    return `${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
  }
  // Parentheses wherever the operator changes, so nobody has to remember that AND binds tighter.
  const side = (child: LicenseNode) =>
    'conjunction' in child && child.conjunction !== node.conjunction
      ? `(${formatExpression(child)})`
      : formatExpression(child);
  return `${side(node.left)} ${node.conjunction.toUpperCase()} ${side(node.right)}`;
}

export function leaves(node: LicenseNode): LicenseLeaf[] {
  return 'license' in node ? [node] : [...leaves(node.left), ...leaves(node.right)];
}
