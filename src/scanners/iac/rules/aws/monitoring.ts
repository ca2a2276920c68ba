import { blocks, isUnknown } from '../../model.js';
import { companionOf } from './companion.js';
import { awsRule, tfDoc } from './define.js';
import { expectFlag } from './values.js';

export const guarddutyDisabled = awsRule({
  id: 'iac/aws-guardduty-detector-disabled',
  title: 'GuardDuty detector disabled',
  description:
    'GuardDuty analyses CloudTrail, VPC flow and DNS logs for compromised credentials, crypto-mining, ' +
    'reconnaissance and exfiltration. A detector declared with enable = false produces no findings.',
  severity: 'medium',
  cis: [],
  nist: ['SI-4', 'IR-4'],
  resourceTypes: ['aws_guardduty_detector'],
  remediation: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}',
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/what-is-guardduty.html',
    tfDoc('aws_guardduty_detector'),
  ],
  check: (r) =>
    expectFlag(r, { path: ['enable'], want: true, byDefault: true, why: 'threat detection is off' }),
});

const CONFIG_REFERENCES = [
  'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
  tfDoc('aws_config_configuration_recorder_status'),
];

export const configRecorderNotEnabled = awsRule({
  id: 'iac/aws-config-recorder-not-enabled',
  title: 'AWS Config recorder not started',
  description:
    'An AWS Config recorder records nothing until it is started, which Terraform does with an ' +
    'aws_config_configuration_recorder_status with is_enabled = true. Without recording there is no ' +
    'configuration history for investigations and no Config rule evaluation. A status resource whose ' +
    'name is a variable counts, since it may be for this recorder.',
  severity: 'medium',
  cis: ['cis-aws:3.3'],
  nist: ['CM-8', 'CM-3'],
  resourceTypes: ['aws_config_configuration_recorder', 'aws_config_configuration_recorder_status'],
  remediation:
    'resource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n' +
    '  is_enabled = true\n  depends_on = [aws_config_delivery_channel.main]\n}',
  references: CONFIG_REFERENCES,
  *check(r, ctx) {
    if (r.type === 'aws_config_configuration_recorder_status') {
      yield* expectFlag(r, {
        path: ['is_enabled'],
        want: true,
        byDefault: false,
        why: 'the recorder is stopped',
      });
      return;
    }
    if (companionOf(r, ctx, 'aws_config_configuration_recorder_status', 'name') === 'none')
      yield { message: 'no aws_config_configuration_recorder_status starts this recorder' };
  },
});

export const configRecorderPartial = awsRule({
  id: 'iac/aws-config-recorder-not-all-resources',
  title: 'AWS Config recorder does not record all resource types',
  description:
    'A recorder limited to a list of resource types silently ignores every other type, including ones ' +
    'added to the account later; changes to them leave no configuration history.',
  severity: 'low',
  cis: ['cis-aws:3.3'],
  nist: ['CM-8'],
  resourceTypes: ['aws_config_configuration_recorder'],
  remediation:
    'resource "aws_config_configuration_recorder" "main" {\n  name     = "main"\n  role_arn = aws_iam_role.config.arn\n' +
    '  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n}',
  references: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html'],
  check: (r) =>
    blocks(r.value, 'recording_group').length === 0
      ? []
      : expectFlag(r, {
          path: ['recording_group', 0, 'all_supported'],
          want: true,
          byDefault: true,
          why: 'only the listed resource types are recorded',
        }),
});

const APIGW_DOCS = 'https://docs.aws.amazon.com/apigateway/latest/developerguide';

export const apiGatewayAccessLogging = awsRule({
  id: 'iac/aws-api-gateway-stage-access-logging-disabled',
  title: 'API Gateway stage without access logging',
  description:
    'Access logs record every request a stage serves (caller, source IP, route, status, latency). ' +
    'Without them an abused or attacked API leaves no trace beyond aggregate metrics.',
  severity: 'medium',
  cis: [],
  nist: ['AU-2', 'AU-12'],
  resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
  remediation:
    'resource "aws_api_gateway_stage" "prod" {\n  # ...\n  access_log_settings {\n' +
    '    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })\n  }\n}',
  references: [`${APIGW_DOCS}/set-up-logging.html`, tfDoc('aws_api_gateway_stage')],
  *check(r) {
    if (isUnknown(r.value.access_log_settings)) return;
    if (blocks(r.value, 'access_log_settings').length === 0) yield { message: 'no access_log_settings' };
  },
});

export const apiGatewayXray = awsRule({
  id: 'iac/aws-api-gateway-stage-xray-disabled',
  title: 'API Gateway stage without X-Ray tracing',
  description:
    'X-Ray tracing follows a request from the API through its integrations, which helps to find where a ' +
    'malicious or failing request went. Low severity: an observability aid rather than a control.',
  severity: 'low',
  cis: [],
  nist: ['AU-12'],
  resourceTypes: ['aws_api_gateway_stage'],
  remediation: 'resource "aws_api_gateway_stage" "prod" {\n  # ...\n  xray_tracing_enabled = true\n}',
  references: [`${APIGW_DOCS}/apigateway-xray.html`],
  check: (r) =>
    expectFlag(r, {
      path: ['xray_tracing_enabled'],
      want: true,
      byDefault: false,
      why: 'requests through the stage are not traced',
    }),
});
