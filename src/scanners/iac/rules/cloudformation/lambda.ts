import { get } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { cfnDoc, cfnRule, text } from './define.js';

const URL = 'AWS::Lambda::Url';
const SAM_FUNCTION = 'AWS::Serverless::Function';

export const lambdaUrlAuthNone = cfnRule({
  id: 'iac/aws-lambda-url-auth-none-cfn',
  title: 'Lambda function URL has no authentication',
  description:
    'AuthType NONE makes the function URL callable by anyone on the internet who finds it, with no IAM signature: every call runs the function, at your cost, with its role. Use AWS_IAM, or put the function behind API Gateway or CloudFront with an authorizer when it must be public.',
  severity: 'high',
  resourceTypes: [URL, SAM_FUNCTION],
  cis: [],
  nist: ['AC-3', 'IA-2'],
  cwe: ['CWE-306'],
  remediation:
    'Require signed requests:\n\n```yaml\nProperties:\n  AuthType: AWS_IAM\n  TargetFunctionArn: !GetAtt Function.Arn\n```',
  references: [cfnDoc(URL), 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'],
  *check(r) {
    const at = r.type === URL ? ['AuthType'] : ['FunctionUrlConfig', 'AuthType'];
    if (text(get(r.value, at)) === 'none')
      yield { message: 'the function URL has AuthType NONE: anyone can invoke it; use AWS_IAM', at };
  },
});

export const LAMBDA_RULES: readonly IacRule[] = [lambdaUrlAuthNone];
