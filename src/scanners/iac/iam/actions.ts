/**
 * IAM action patterns: `service:Action`, case-insensitive, with `*` (any run of characters) and
 * `?` (one character) wildcards anywhere, `*` alone meaning every action of every service.
 */

const compiled = new Map<string, RegExp>();

function regexOf(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const body = pattern
      .trim()
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 'is');
    compiled.set(pattern, re);
  }
  return re;
}

/** Whether the policy's `pattern` covers the concrete `action` (`iam:Pass*` covers `iam:PassRole`). */
export const matchesAction = (pattern: string, action: string): boolean => regexOf(pattern).test(action);

/** `*` or `*:*`: every action of every service. */
export const isEveryAction = (pattern: string): boolean => /^\s*\*(:\*)?\s*$/.test(pattern);

/** The service prefix of a pattern (`iam` for `iam:PassRole`), lowercased; undefined for `*` and `*:*`. */
export function serviceOf(pattern: string): string | undefined {
  const service = pattern
    .slice(0, Math.max(pattern.indexOf(':'), 0))
    .trim()
    .toLowerCase();
  return /^[a-z0-9-]+$/.test(service) ? service : undefined;
}

/** `iam:*`: every action of one service. */
export const isServiceWildcard = (pattern: string): boolean => /^\s*[a-z0-9-]+:\*\s*$/i.test(pattern);

/**
 * Verbs AWS uses for its Read and List access levels. A pattern is read-only when its action
 * name starts with one of them before any wildcard (`s3:Get*`, `ec2:DescribeInstances`).
 */
const READ_VERBS = [
  'batchget',
  'describe',
  'get',
  'head',
  'list',
  'lookup',
  'query',
  'scan',
  'search',
  'select',
  'simulate',
  'view',
];

/** Reads that hand out secrets or credentials: as dangerous on every resource as a write. */
const SENSITIVE_READS = [
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'ec2:GetPasswordData',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
];

export function isReadOnly(pattern: string): boolean {
  const name = pattern.slice(pattern.indexOf(':') + 1).toLowerCase();
  const literal = name.split(/[*?]/)[0]!;
  if (!READ_VERBS.some((v) => literal.startsWith(v))) return false;
  return !SENSITIVE_READS.some((a) => matchesAction(pattern, a));
}

/**
 * Write actions without resource-level permissions, which AWS only accepts on `"Resource": "*"`
 * (Service Authorization Reference, "Resource types" column empty).
 */
const STAR_ONLY = new Set(
  [
    'cloudwatch:PutMetricData',
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
    'ec2messages:AcknowledgeMessage',
    'ec2messages:DeleteMessage',
    'ec2messages:FailMessage',
    'ec2messages:SendReply',
    'kms:CreateKey',
  ].map((a) => a.toLowerCase()),
);

/** A write or permission-management pattern that should name its resources rather than use `*`. */
export const needsScopedResource = (pattern: string): boolean =>
  !isReadOnly(pattern) && !STAR_ONLY.has(pattern.trim().toLowerCase());
