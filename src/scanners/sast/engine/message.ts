import type { SgNode } from '@ast-grep/napi';

const METAVARIABLE = /\$\$\$([A-Z_][A-Z0-9_]*)|\$([A-Z_][A-Z0-9_]*)/g;

/** Code as it appears in a message: one line, at most 60 characters. */
export function shortCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/**
 * Fills `$NAME` and `$$$NAME` in a rule's message with what the match bound (`extra` first, for
 * `$SOURCE`). A metavariable the match did not bind (another `any` branch) is left as written.
 */
export function interpolate(message: string, match: SgNode, extra: Record<string, string> = {}): string {
  return message.replace(METAVARIABLE, (whole, multi: string | undefined, single: string | undefined) => {
    if (multi) {
      const nodes = match.getMultipleMatches(multi).filter((n) => n.isNamed());
      return nodes.length > 0 ? shortCode(nodes.map((n) => n.text()).join(', ')) : whole;
    }
    const name = single!;
    if (extra[name] !== undefined) return extra[name];
    const node = match.getMatch(name);
    return node ? shortCode(node.text()) : whole;
  });
}
