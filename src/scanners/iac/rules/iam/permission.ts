import { knownString, parseField, type Statement } from '../../iam/index.js';
import { get, type IacValue } from '../../model.js';

/** Properties of a permission resource that act as Condition keys: [property, operator, key]. */
export type PermissionConditions = readonly (readonly [string, string, string])[];

/** A Lambda permission is one resource-policy statement written as properties. */
export function permissionStatement(
  value: IacValue,
  names: { principal: string; action: string },
  conditions: PermissionConditions,
): Statement {
  const principal = get(value, [names.principal]);
  return {
    index: 0,
    effect: 'Allow',
    action: parseField(get(value, [names.action]), [names.action]),
    principal: {
      entries:
        principal === undefined ? [] : [{ type: '*', value: knownString(principal), at: [names.principal] }],
      at: [names.principal],
    },
    conditions: conditions.flatMap(([prop, operator, key]) => {
      const v = get(value, [prop]);
      return v === undefined || v === null ? [] : [{ operator, key, values: [knownString(v) ?? null] }];
    }),
    at: [],
  };
}
