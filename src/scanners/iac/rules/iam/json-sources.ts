import { inferKind, parsePolicy } from '../../iam/index.js';
import type { IacResource } from '../../model.js';
import { labelled, type PolicySource } from './source.js';

/** A raw policy JSON file: the resource is the document, its kind read from its statements. */
export function jsonPolicies(r: IacResource): PolicySource[] {
  const policy = parsePolicy(r.value, []);
  return [{ kind: inferKind(policy), policy, subject: labelled(undefined) }];
}
