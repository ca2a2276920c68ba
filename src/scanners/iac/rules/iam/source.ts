import type { Policy, PolicyKind, Statement } from '../../iam/index.js';
import { parsePolicy, statementLabel } from '../../iam/index.js';
import { type IacValue, isUnknown, type KeyPath } from '../../model.js';

/** A policy found in a resource, with what it is attached as and how findings name its statements. */
export interface PolicySource {
  kind: PolicyKind;
  policy: Policy;
  /** The Violation subject for a statement; undefined when the resource is itself the statement. */
  subject(s: Statement): string | undefined;
}

/** Several policies of one resource (a role's inline policies) are told apart by a label. */
export const labelled =
  (label: string | undefined) =>
  (s: Statement): string =>
    label ? `${label} ${statementLabel(s)}` : statementLabel(s);

/**
 * A policy written as an object, or as a JSON string (a Terraform heredoc, a CloudFormation
 * string property): the string's statements have no lines of their own, so findings point at
 * the attribute holding it. Unknown values and broken JSON give no policy (could be fine).
 */
export function policyAt(value: IacValue | undefined, at: KeyPath): Policy | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  if (typeof value !== 'string') return parsePolicy(value, at);
  try {
    return parsePolicy(JSON.parse(value) as IacValue, at);
  } catch {
    return undefined;
  }
}
