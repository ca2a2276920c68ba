import type { KeyPath } from '../model.js';
import type { Policy, PolicyKind, Statement } from './policy.js';

/** One problem of one statement. */
export interface IamIssue {
  statement: Statement;
  /** The offending element (an Action item, the Principal...), relative to the resource value. */
  at: KeyPath;
  /** What is wrong and what narrower policy to write instead. */
  message: string;
}

export type CheckId =
  | 'wildcard-action'
  | 'wildcard-resource'
  | 'service-wildcard'
  | 'allow-not'
  | 'privilege-escalation'
  | 'public-principal'
  | 'trust-any-account'
  | 'oidc-trust-unrestricted';

/** A format-independent analysis of one policy; at most one issue per statement. */
export interface IamCheck {
  id: CheckId;
  /** The kinds of policy the check means something for. */
  kinds: readonly PolicyKind[];
  run(policy: Policy): IamIssue[];
}

export const allows = (s: Statement): boolean => s.effect === 'Allow';
