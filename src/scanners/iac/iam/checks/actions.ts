import { isEveryAction, isServiceWildcard, needsScopedResource, serviceOf } from '../actions.js';
import { allows, type IamCheck, type IamIssue } from '../check.js';
import { type Field, known, type Statement } from '../policy.js';
import { exampleArn, serviceOfArn, typicalActions } from '../suggest.js';

/** Services whose every action together amounts to control of the account or of its data. */
const SENSITIVE_SERVICES = new Set([
  'cloudformation',
  'cloudtrail',
  'codebuild',
  'dynamodb',
  'ec2',
  'ecr',
  'ecs',
  'eks',
  'glue',
  'iam',
  'kms',
  'lambda',
  'logs',
  'organizations',
  'rds',
  'route53',
  's3',
  'sagemaker',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'sts',
]);

const list = (xs: readonly string[], max = 4) =>
  xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;

/** The service the statement's resources belong to, to make examples match the policy. */
const resourceService = (s: Statement): string | undefined =>
  known(s.resource)
    .map(serviceOfArn)
    .find((x) => x !== undefined);

function firstItem(f: Field | undefined, test: (v: string) => boolean) {
  return f?.items.find((i) => i.value !== null && test(i.value));
}

function perStatement(statements: readonly Statement[], one: (s: Statement) => IamIssue | undefined) {
  return statements.flatMap((s) => {
    const issue = allows(s) ? one(s) : undefined;
    return issue ? [issue] : [];
  });
}

export const wildcardAction: IamCheck = {
  id: 'wildcard-action',
  kinds: ['identity', 'resource'],
  run: (policy) =>
    perStatement(policy.statements, (s) => {
      const item = firstItem(s.action, isEveryAction);
      if (!item) return undefined;
      const service = resourceService(s);
      return {
        statement: s,
        at: item.at,
        message: `allows every action of every service ("${item.value}"); list the actions needed instead, e.g. ${typicalActions(service)}`,
      };
    }),
};

export const serviceWildcard: IamCheck = {
  id: 'service-wildcard',
  kinds: ['identity'],
  run: (policy) =>
    perStatement(policy.statements, (s) => {
      const hits = known(s.action).filter(
        (a) => isServiceWildcard(a) && SENSITIVE_SERVICES.has(serviceOf(a)!),
      );
      const item = firstItem(s.action, (v) => hits.includes(v));
      if (!item) return undefined;
      const services = [...new Set(hits.map((a) => serviceOf(a)!))];
      return {
        statement: s,
        at: item.at,
        message: `allows every ${services.join(', ')} action (${list(hits.map((h) => `"${h}"`))}); list the ones needed instead, e.g. ${services.map(typicalActions).join(', ')}`,
      };
    }),
};

const isEveryResource = (v: string) => v.trim() === '*';

export const wildcardResource: IamCheck = {
  id: 'wildcard-resource',
  kinds: ['identity'],
  run: (policy) =>
    perStatement(policy.statements, (s) => {
      const item = firstItem(s.resource, isEveryResource);
      const writes = known(s.action).filter(needsScopedResource);
      if (!item || writes.length === 0) return undefined;
      return {
        statement: s,
        at: item.at,
        message: `allows write, permission-management or secret-reading actions (${list(writes)}) on every resource ("*"); name the resources instead, e.g. ${exampleArn(serviceOf(writes[0]!))}`,
      };
    }),
};

export const allowNot: IamCheck = {
  id: 'allow-not',
  kinds: ['identity', 'resource'],
  run: (policy) =>
    perStatement(policy.statements, (s) => {
      if (s.notAction) {
        const except = known(s.notAction);
        return {
          statement: s,
          at: s.notAction.at,
          message: `"Allow" with "NotAction" allows every action except ${list(except) || 'the listed ones'}, including actions AWS adds later; list the allowed actions in "Action" instead`,
        };
      }
      if (s.notResource)
        return {
          statement: s,
          at: s.notResource.at,
          message: `"Allow" with "NotResource" allows its actions on every resource but ${list(known(s.notResource)) || 'the listed ones'}, including resources created later; list the resources in "Resource" instead, e.g. ${exampleArn(serviceOf(known(s.action)[0] ?? ''))}`,
        };
      return undefined;
    }),
};
