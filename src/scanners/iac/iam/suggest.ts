/**
 * Examples for messages: what a narrower policy for a service usually looks like, so a finding
 * says what to write instead of only what is wrong.
 */

const TYPICAL: Record<string, readonly string[]> = {
  cloudformation: ['cloudformation:DescribeStacks', 'cloudformation:CreateChangeSet'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  ec2: ['ec2:DescribeInstances', 'ec2:StartInstances', 'ec2:StopInstances'],
  ecr: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  iam: ['iam:GetRole', 'iam:PassRole'],
  kms: ['kms:Decrypt', 'kms:GenerateDataKey'],
  lambda: ['lambda:InvokeFunction', 'lambda:GetFunction'],
  logs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  organizations: ['organizations:DescribeOrganization', 'organizations:ListAccounts'],
  s3: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
  secretsmanager: ['secretsmanager:GetSecretValue'],
  sns: ['sns:Publish'],
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'],
  ssm: ['ssm:GetParameter', 'ssm:GetParametersByPath'],
  sts: ['sts:AssumeRole'],
};

const ARNS: Record<string, string> = {
  dynamodb: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
  ec2: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
  iam: 'arn:aws:iam::123456789012:role/app-role',
  kms: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  lambda: 'arn:aws:lambda:us-east-1:123456789012:function:app',
  logs: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app:*',
  s3: 'arn:aws:s3:::my-bucket/*',
  secretsmanager: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/*',
  sns: 'arn:aws:sns:us-east-1:123456789012:alerts',
  sqs: 'arn:aws:sqs:us-east-1:123456789012:jobs',
  ssm: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/*',
  sts: 'arn:aws:iam::123456789012:role/deploy',
};

const quote = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** A few specific actions of `service` (S3's when the service is not known). */
export function typicalActions(service: string | undefined): string {
  if (!service) return quote(TYPICAL.s3!);
  return quote(TYPICAL[service] ?? [`${service}:<ActionName>`]);
}

/** An example ARN naming a resource of `service`. */
export const exampleArn = (service = 's3'): string =>
  `"${ARNS[service] ?? `arn:aws:${service}:us-east-1:123456789012:<resource>`}"`;

/** The service of an ARN (`s3` for `arn:aws:s3:::bucket`). */
export function serviceOfArn(arn: string): string | undefined {
  const m = /^arn:[\w-]+:([\w-]+):/.exec(arn);
  return m?.[1]?.toLowerCase();
}
