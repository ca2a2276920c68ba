import type { CallParts, Shape, Target } from '../shapes.js';
import type { TNode } from '../tree.js';

/** Small constructors the language adapters share, so each adapter reads as a table. */

export const OTHER: Shape = { type: 'other' };
export const LITERAL: Shape = { type: 'literal' };
export const CLEAN: Shape = { type: 'clean' };
export const NO_TARGET: Target = { names: [], strong: false };

const present = (nodes: (TNode | undefined)[]): TNode[] => nodes.filter((n): n is TNode => n !== undefined);

export function assign(
  targets: (TNode | undefined)[],
  values: (TNode | undefined)[],
  update: boolean,
): Shape {
  return { type: 'assign', targets: present(targets), values: present(values), update };
}

export function branch(
  pre: (TNode | undefined)[],
  arms: (TNode | undefined)[],
  opts: { post?: (TNode | undefined)[]; exhaustive?: boolean; yields?: boolean } = {},
): Shape {
  const present_ = present(arms);
  return {
    type: 'branch',
    pre: present(pre),
    arms: present_,
    post: present(opts.post ?? []),
    // an arm that is missing (no `else`) means the branch may run none
    exhaustive: (opts.exhaustive ?? false) && present_.length === arms.length,
    yields: opts.yields ?? false,
  };
}

/** `if` / ternary: both arms given means one of them always runs. */
export function conditional(
  condition: TNode | undefined,
  then: TNode | undefined,
  otherwise: TNode | undefined,
  yields = false,
): Shape {
  return branch([condition], [then, otherwise], { exhaustive: true, yields });
}

export function loop(
  pre: (TNode | undefined)[],
  body: (TNode | undefined)[],
  binds: { targets: (TNode | undefined)[]; from: TNode | undefined }[] = [],
  yields = false,
): Shape {
  return {
    type: 'loop',
    pre: present(pre),
    body: present(body),
    binds: binds.flatMap((b) => (b.from ? [{ targets: present(b.targets), from: b.from }] : [])),
    yields,
  };
}

export function member(object: TNode | undefined, rest: (TNode | undefined)[] = []): Shape {
  return object ? { type: 'member', object, rest: present(rest) } : OTHER;
}

export function call(parts: CallParts): Shape {
  return { type: 'call', call: parts };
}

/** The names written by a destructuring pattern: every name any of its parts writes. */
export function patternTarget(parts: TNode[], target: (n: TNode) => Target): Target {
  return { names: parts.flatMap((p) => target(p).names), strong: true };
}

/** A weak write to the variable at the root of `x.f[i]`. */
export function rootTarget(root: string | undefined): Target {
  return root ? { names: [root], strong: false } : NO_TARGET;
}

/** Matches a whole callee text against a list of names. */
export function calleeIn(names: readonly string[]): (text: string) => boolean {
  const set = new Set(names);
  return (text) => set.has(text);
}

/**
 * A call whose callee is not a member access: a bare name may be a function of this file; any
 * other expression is evaluated for what it carries.
 */
export function unqualifiedCall(
  base: Pick<CallParts, 'args' | 'calleeText'>,
  callee: TNode | undefined,
): CallParts {
  if (callee?.kind === 'identifier')
    return {
      ...base,
      callee: [],
      receiver: undefined,
      method: callee.text,
      local: { name: callee.text, self: false },
    };
  return {
    ...base,
    callee: callee ? [callee] : [],
    receiver: undefined,
    method: undefined,
    local: undefined,
  };
}
