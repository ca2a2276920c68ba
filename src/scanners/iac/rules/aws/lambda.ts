import { blocks, get, isUnknown, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';
import { companionOf } from './companion.js';
import { awsRule, tfDoc } from './define.js';
import { AWS_ACCESS_KEY_ID, isLiteralSecret, isSecretName } from './secret-names.js';
import { str } from './values.js';

const LAMBDA_DOCS = 'https://docs.aws.amazon.com/lambda/latest/dg';
const FUNCTION = ['aws_lambda_function'];

export const lambdaUrlNoAuth = awsRule({
  id: 'iac/aws-lambda-function-url-no-auth',
  title: 'Lambda function URL without authentication',
  description:
    'A function URL with authorization_type = "NONE" can be invoked by anyone on the internet who ' +
    'learns the URL, with no IAM signature, throttling per caller or WAF in front. Keep it for endpoints ' +
    'that authenticate requests themselves (signed webhooks) and prefer AWS_IAM or an API Gateway.',
  severity: 'medium',
  cis: [],
  nist: ['AC-3', 'AC-14'],
  cwe: ['CWE-306'],
  resourceTypes: ['aws_lambda_function_url'],
  remediation:
    'resource "aws_lambda_function_url" "api" {\n  function_name      = aws_lambda_function.api.function_name\n' +
    '  authorization_type = "AWS_IAM"\n}',
  references: [`${LAMBDA_DOCS}/urls-auth.html`, tfDoc('aws_lambda_function_url')],
  *check(r) {
    if (r.value.authorization_type === 'NONE')
      yield {
        message: 'authorization_type is "NONE": anyone can invoke the function',
        at: ['authorization_type'],
      };
  },
});

export const lambdaNoDlq = awsRule({
  id: 'iac/aws-lambda-no-dead-letter-queue',
  title: 'Lambda function without a dead-letter queue or failure destination',
  description:
    'Asynchronous invocations that keep failing are dropped after the retries, losing the event (an ' +
    'order, an audit record, a security alert). A dead-letter queue, or an on-failure destination set by ' +
    'aws_lambda_function_event_invoke_config, keeps them for inspection and replay. Low severity: it only ' +
    'matters for functions invoked asynchronously.',
  severity: 'low',
  confidence: 'medium',
  cis: [],
  nist: ['SI-17', 'CP-10'],
  resourceTypes: FUNCTION,
  remediation:
    'resource "aws_lambda_function" "worker" {\n  # ...\n  dead_letter_config {\n' +
    '    target_arn = aws_sqs_queue.worker_dlq.arn\n  }\n}',
  references: [`${LAMBDA_DOCS}/invocation-async-retain-records.html`],
  *check(r, ctx) {
    if (isUnknown(r.value.dead_letter_config) || blocks(r.value, 'dead_letter_config').length > 0) return;
    const config = companionOf(r, ctx, 'aws_lambda_function_event_invoke_config', 'function_name', {
      names: ['function_name'],
    });
    if (config === 'none') yield { message: 'no dead_letter_config and no on-failure destination' };
  },
});

export const lambdaNoTracing = awsRule({
  id: 'iac/aws-lambda-tracing-disabled',
  title: 'Lambda function without X-Ray active tracing',
  description:
    'Active tracing records each invocation and its downstream calls, which shows where a request went ' +
    'when investigating abuse or failures. Low severity: an observability aid rather than a control.',
  severity: 'low',
  cis: [],
  nist: ['AU-12'],
  resourceTypes: FUNCTION,
  remediation:
    'resource "aws_lambda_function" "api" {\n  # ...\n  tracing_config {\n    mode = "Active"\n  }\n}',
  references: [`${LAMBDA_DOCS}/services-xray.html`],
  *check(r) {
    if (isUnknown(r.value.tracing_config)) return;
    const at: KeyPath = ['tracing_config', 0, 'mode'];
    const mode = get(r.value, at);
    if (mode === undefined) yield { message: 'no tracing_config: active tracing is off', at };
    else if (str(mode) === 'PassThrough') yield { message: 'tracing_config.mode is "PassThrough"', at };
  },
});

export const lambdaEnvSecret = awsRule({
  id: 'iac/aws-lambda-env-secret',
  title: 'Secret hard-coded in a Lambda environment variable',
  description:
    'Environment variables are part of the function configuration: visible to anyone with ' +
    'lambda:GetFunctionConfiguration, in the console, in the Terraform state and in this repository. ' +
    'A password, token or key written here is exposed to all of them. Keep it in Secrets Manager or ' +
    'SSM Parameter Store (SecureString) and read it at runtime, or pass only its ARN.',
  severity: 'high',
  cis: [],
  nist: ['IA-5(7)', 'SC-28'],
  cwe: ['CWE-798'],
  resourceTypes: FUNCTION,
  remediation:
    'Pass a reference and read the secret at runtime:\n\nresource "aws_lambda_function" "api" {\n  # ...\n' +
    '  environment {\n    variables = {\n      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn\n    }\n  }\n}',
  references: [
    `${LAMBDA_DOCS}/configuration-envvars.html`,
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
  ],
  *check(r): Generator<Violation> {
    for (const [i, env] of blocks(r.value, 'environment').entries()) {
      const vars = env.variables;
      if (typeof vars !== 'object' || vars === null || Array.isArray(vars) || isUnknown(vars)) continue;
      for (const [name, value] of Object.entries(vars)) {
        if (typeof value !== 'string') continue;
        const secret = AWS_ACCESS_KEY_ID.test(value) || (isSecretName(name) && isLiteralSecret(value));
        if (secret)
          yield {
            message: `environment variable ${name} holds a literal secret`,
            at: ['environment', i, 'variables', name],
            subject: `variable ${name}`,
            redact: [value],
          };
      }
    }
  },
});

/**
 * Runtimes past their Lambda deprecation date (no more security patches, then no more updates).
 * Judged against the clock, so a scan keeps flagging runtimes as they reach their date.
 */
const DEPRECATED_RUNTIMES: Readonly<Record<string, string>> = {
  nodejs: '2016-10-31',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2019-04-30',
  'nodejs6.10': '2019-08-12',
  'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30',
  'nodejs12.x': '2023-03-31',
  'nodejs14.x': '2023-12-04',
  'nodejs16.x': '2024-06-12',
  'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30',
  'python2.7': '2021-07-15',
  'python3.6': '2022-07-18',
  'python3.7': '2023-12-04',
  'python3.8': '2024-10-14',
  'python3.9': '2025-12-15',
  'ruby2.5': '2021-07-30',
  'ruby2.7': '2023-12-07',
  'ruby3.2': '2026-03-31',
  java8: '2024-01-08',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'dotnetcore1.0': '2019-07-30',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore2.1': '2022-01-05',
  'dotnetcore3.1': '2023-04-03',
  'dotnet5.0': '2022-05-10',
  dotnet6: '2024-12-20',
  dotnet7: '2024-05-14',
};

export const lambdaDeprecatedRuntime = awsRule({
  id: 'iac/aws-lambda-deprecated-runtime',
  title: 'Lambda function uses a deprecated runtime',
  description:
    'After its deprecation date a Lambda runtime no longer receives security patches for the language ' +
    'runtime or the operating system beneath it, and AWS later blocks creating and updating functions ' +
    'that use it.',
  severity: 'medium',
  cis: [],
  nist: ['SA-22', 'SI-2'],
  cwe: ['CWE-1104'],
  resourceTypes: FUNCTION,
  remediation:
    'Move to a supported runtime:\n\nresource "aws_lambda_function" "api" {\n  # ...\n  runtime = "nodejs22.x"\n}',
  references: [`${LAMBDA_DOCS}/lambda-runtimes.html#runtimes-deprecated`],
  *check(r) {
    const runtime = str(r.value.runtime);
    const since = runtime === undefined ? undefined : DEPRECATED_RUNTIMES[runtime];
    if (since && Date.parse(since) <= Date.now())
      yield { message: `runtime ${runtime} is deprecated since ${since}`, at: ['runtime'] };
  },
});
