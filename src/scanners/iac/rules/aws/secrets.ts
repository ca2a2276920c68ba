import { companionOf } from './companion.js';
import { awsRule, tfDoc } from './define.js';
import { isSecretName } from './secret-names.js';
import { isSet, str } from './values.js';

export const secretRotation = awsRule({
  id: 'iac/aws-secretsmanager-rotation-disabled',
  title: 'Secrets Manager secret without automatic rotation',
  description:
    'A secret that never rotates stays valid for as long as it has been leaked. Rotation (an ' +
    'aws_secretsmanager_secret_rotation with a rotation function, or managed rotation) bounds that ' +
    'window. Low severity: not every secret can be rotated by AWS (third-party API keys). A rotation ' +
    'resource whose secret_id is a variable counts, since it may be for this secret.',
  severity: 'low',
  cis: [],
  nist: ['IA-5', 'SC-12'],
  resourceTypes: ['aws_secretsmanager_secret'],
  remediation:
    'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n' +
    '  rotation_lambda_arn = aws_lambda_function.rotate_db.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    tfDoc('aws_secretsmanager_secret_rotation'),
  ],
  *check(r, ctx) {
    if (isSet(r.value.rotation_lambda_arn) || isSet(r.value.rotation_rules)) return;
    if (companionOf(r, ctx, 'aws_secretsmanager_secret_rotation', 'secret_id') === 'none')
      yield { message: 'no rotation is configured for this secret' };
  },
});

export const ssmSecretNotSecure = awsRule({
  id: 'iac/aws-ssm-parameter-secret-not-securestring',
  title: 'SSM parameter with a secret-looking name is not a SecureString',
  description:
    'String and StringList parameters are stored unencrypted and returned in clear to anyone with ' +
    'ssm:GetParameter, in the console and in the Terraform state. A parameter named like a password, ' +
    'token or key should be a SecureString, encrypted with KMS and only decrypted on request.',
  severity: 'medium',
  cis: [],
  nist: ['SC-28', 'IA-5'],
  cwe: ['CWE-312'],
  resourceTypes: ['aws_ssm_parameter'],
  remediation:
    'resource "aws_ssm_parameter" "db_password" {\n  name   = "/app/prod/db_password"\n  type   = "SecureString"\n' +
    '  key_id = aws_kms_key.ssm.arn\n  value  = random_password.db.result\n}',
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html',
    tfDoc('aws_ssm_parameter'),
  ],
  *check(r) {
    const type = str(r.value.type);
    const name = str(r.value.name);
    if (type === undefined || type === 'SecureString' || name === undefined) return;
    const leaf = name.split('/').filter(Boolean).pop() ?? name;
    if (isSecretName(leaf))
      yield { message: `parameter ${name} is a ${type}, stored unencrypted`, at: ['type'] };
  },
});
