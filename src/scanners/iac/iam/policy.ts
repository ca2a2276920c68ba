import type { KeyPath } from '../model.js';

/**
 * An IAM policy document in a normalised form every source format converts to (JSON policy,
 * CloudFormation, Terraform `jsonencode`, `aws_iam_policy_document` blocks). Paths point into
 * the resource value the policy came from, so findings land on the statement's own line.
 */

/** What a policy is attached to decides what "too broad" means for it. */
export type PolicyKind =
  /** Attached to a user, group or role: grants that identity permissions. */
  | 'identity'
  /** Attached to a bucket, queue, topic, key, secret, repository, function: says who may use it. */
  | 'resource'
  /** A role's AssumeRolePolicyDocument: says who may become the role. */
  | 'trust';

/** One string of a policy element; `value` is null when not statically known. */
export interface Item {
  value: string | null;
  at: KeyPath;
}

/** `Action`, `Resource`... written as a string or a list. */
export interface Field {
  items: Item[];
  at: KeyPath;
}

/** One principal: `type` is `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `Principal: "*"`. */
export interface PrincipalEntry extends Item {
  type: string;
}

export interface Principal {
  entries: PrincipalEntry[];
  at: KeyPath;
}

/** One key test of a Condition block: `StringEquals` / `aws:SourceAccount` / values. */
export interface ConditionTest {
  operator: string;
  key: string;
  values: (string | null)[];
}

export interface Statement {
  /** Position in the policy, 0-based. */
  index: number;
  sid?: string;
  /** null when not statically known. */
  effect: 'Allow' | 'Deny' | null;
  action?: Field;
  notAction?: Field;
  resource?: Field;
  notResource?: Field;
  principal?: Principal;
  notPrincipal?: Principal;
  /** null when the Condition block is not statically known (it could restrict anything). */
  conditions: ConditionTest[] | null;
  at: KeyPath;
}

export interface Policy {
  statements: Statement[];
}

/** How findings name a statement: its Sid, else its index. */
export const statementLabel = (s: Statement): string => `statement ${s.sid ?? s.index}`;

/** The known values of a field. */
export const known = (f: Field | undefined): string[] =>
  (f?.items ?? []).flatMap((i) => (i.value === null ? [] : [i.value]));
