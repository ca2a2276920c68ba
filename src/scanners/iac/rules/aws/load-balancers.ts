import { blocks, type IacObject, isUnknown } from '../../model.js';
import { awsRule, tfDoc } from './define.js';
import { expectFlag, isSet, str } from './values.js';

const ELB_DOCS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application';
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const BALANCERS = ['aws_lb', 'aws_alb'];

/** The listener's protocol; ALB listeners without one (and without a certificate) serve HTTP. */
function protocolOf(v: IacObject): string | undefined {
  if (isUnknown(v.protocol)) return undefined;
  if (typeof v.protocol === 'string') return v.protocol.toUpperCase();
  return isSet(v.certificate_arn) ? undefined : 'HTTP';
}

/** A default action that keeps the client on plain HTTP: anything but a redirect to HTTPS or a fixed response. */
function staysOnHttp(action: IacObject): boolean {
  if (action.type === 'fixed-response') return false;
  if (action.type === 'redirect') return !blocks(action, 'redirect').some((r) => r.protocol === 'HTTPS');
  return typeof action.type === 'string';
}

export const lbHttpNoRedirect = awsRule({
  id: 'iac/aws-lb-http-listener-no-redirect',
  title: 'Load balancer serves plain HTTP instead of redirecting to HTTPS',
  description:
    'An HTTP listener that forwards to targets sends requests, cookies and responses in clear text, ' +
    'open to interception and tampering on the way. HTTP listeners should only redirect to HTTPS ' +
    '(or answer with a fixed response).',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  resourceTypes: LISTENERS,
  remediation:
    'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n' +
    '  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n' +
    '      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}',
  references: [
    `${ELB_DOCS}/load-balancer-listeners.html`,
    `${ELB_DOCS}/rule-action-types.html#redirect-actions`,
  ],
  *check(r) {
    if (protocolOf(r.value) !== 'HTTP') return;
    if (blocks(r.value, 'default_action').some(staysOnHttp))
      yield {
        message: 'the HTTP listener serves requests instead of redirecting them to HTTPS',
        ...(isSet(r.value.protocol) ? { at: ['protocol'] } : {}),
      };
  },
});

/** Policies that still accept TLS 1.0 or 1.1. ELBSecurityPolicy-2016-08 is the API default. */
const OUTDATED_POLICY =
  /^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08|TLS13-1-[01]-.*)$/;

export const lbOutdatedTls = awsRule({
  id: 'iac/aws-lb-outdated-tls-policy',
  title: 'Load balancer listener accepts TLS 1.0 or 1.1',
  description:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and the ciphers that come with them are weak. A listener ' +
    'without ssl_policy gets ELBSecurityPolicy-2016-08, which still accepts both. Use a TLS 1.2+ policy ' +
    '(ELBSecurityPolicy-TLS13-1-2-2021-06 or stricter).',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  resourceTypes: LISTENERS,
  remediation:
    'resource "aws_lb_listener" "https" {\n  # ...\n  protocol   = "HTTPS"\n' +
    '  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}',
  references: [`${ELB_DOCS}/describe-ssl-policies.html`],
  *check(r) {
    const protocol = protocolOf(r.value);
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return;
    const policy = r.value.ssl_policy;
    if (!isSet(policy))
      yield { message: 'ssl_policy is not set (defaults to ELBSecurityPolicy-2016-08: TLS 1.0+)' };
    else if (OUTDATED_POLICY.test(str(policy) ?? ''))
      yield { message: `ssl_policy ${policy} accepts TLS 1.0 or 1.1`, at: ['ssl_policy'] };
  },
});

const isApplication = (v: IacObject): boolean => (v.load_balancer_type ?? 'application') === 'application';

export const albDropInvalidHeaders = awsRule({
  id: 'iac/aws-alb-drop-invalid-headers-disabled',
  title: 'Application load balancer forwards invalid HTTP headers',
  description:
    'By default an ALB passes on header fields whose names are not valid HTTP tokens. Back ends that ' +
    'parse them differently from the load balancer are open to request smuggling and header injection. ' +
    'drop_invalid_header_fields removes them at the edge.',
  severity: 'medium',
  cis: [],
  nist: ['SI-10'],
  cwe: ['CWE-444'],
  resourceTypes: BALANCERS,
  remediation: 'resource "aws_lb" "web" {\n  # ...\n  drop_invalid_header_fields = true\n}',
  references: [`${ELB_DOCS}/application-load-balancers.html#load-balancer-attributes`, tfDoc('aws_lb')],
  check: (r) =>
    isApplication(r.value)
      ? expectFlag(r, {
          path: ['drop_invalid_header_fields'],
          want: true,
          byDefault: false,
          why: 'malformed header fields reach the targets',
        })
      : [],
});

export const lbAccessLogs = awsRule({
  id: 'iac/aws-lb-access-logs-disabled',
  title: 'Load balancer access logs disabled',
  description:
    'Load balancer access logs record every request with client IP, path, status and TLS details: the ' +
    'first thing an investigation of an attack on a web application needs. The provider leaves them ' +
    'off unless access_logs { enabled = true }. Gateway load balancers have no access logs and are not checked.',
  severity: 'medium',
  cis: [],
  nist: ['AU-2', 'AU-12'],
  resourceTypes: [...BALANCERS, 'aws_elb'],
  remediation:
    'resource "aws_lb" "web" {\n  # ...\n  access_logs {\n    bucket  = aws_s3_bucket.lb_logs.id\n' +
    '    prefix  = "web"\n    enabled = true\n  }\n}',
  references: [`${ELB_DOCS}/enable-access-logging.html`],
  *check(r) {
    if (r.value.load_balancer_type === 'gateway' || isUnknown(r.value.access_logs)) return;
    if (blocks(r.value, 'access_logs').length === 0) {
      yield { message: 'no access_logs block: requests are not logged' };
      return;
    }
    // Classic ELBs log as soon as the block is there; ALBs and NLBs need enabled = true.
    yield* expectFlag(r, {
      path: ['access_logs', 0, 'enabled'],
      want: true,
      byDefault: r.type === 'aws_elb',
      why: 'requests are not logged',
    });
  },
});
