import { blocks, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';
import { awsRule, tfDoc } from './define.js';
import { flag, isSet, str } from './values.js';

const CF_DOCS = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide';
const DISTRIBUTION = ['aws_cloudfront_distribution'];

export const cloudfrontAllowsHttp = awsRule({
  id: 'iac/aws-cloudfront-allows-http',
  title: 'CloudFront cache behavior serves plain HTTP',
  description:
    'viewer_protocol_policy = "allow-all" serves content over HTTP as well as HTTPS, so viewers can be ' +
    'downgraded and their requests and cookies read or altered in transit. Use redirect-to-https or ' +
    'https-only.',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  resourceTypes: DISTRIBUTION,
  remediation:
    'resource "aws_cloudfront_distribution" "site" {\n  # ...\n  default_cache_behavior {\n' +
    '    # ...\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}',
  references: [`${CF_DOCS}/using-https-viewers-to-cloudfront.html`, tfDoc('aws_cloudfront_distribution')],
  *check(r): Generator<Violation> {
    for (const key of ['default_cache_behavior', 'ordered_cache_behavior'])
      for (const [i, b] of blocks(r.value, key).entries()) {
        if (b.viewer_protocol_policy !== 'allow-all') continue;
        const subject = key === 'ordered_cache_behavior' ? `${key} ${String(b.path_pattern ?? i)}` : key;
        yield {
          message: 'viewer_protocol_policy is "allow-all"',
          at: [key, i, 'viewer_protocol_policy'],
          subject,
        };
      }
  },
});

const OUTDATED_MINIMUM = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);

export const cloudfrontOutdatedTls = awsRule({
  id: 'iac/aws-cloudfront-outdated-tls',
  title: 'CloudFront distribution accepts TLS versions below 1.2',
  description:
    'With a custom certificate, minimum_protocol_version decides the oldest TLS version viewers may use; ' +
    'left out it is TLSv1. TLS 1.0 and 1.1 are deprecated (RFC 8996). Distributions on the default ' +
    '*.cloudfront.net certificate cannot change this setting and are not reported.',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  resourceTypes: DISTRIBUTION,
  remediation:
    'resource "aws_cloudfront_distribution" "site" {\n  # ...\n  viewer_certificate {\n' +
    '    acm_certificate_arn      = aws_acm_certificate.site.arn\n    ssl_support_method       = "sni-only"\n' +
    '    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}',
  references: [`${CF_DOCS}/secure-connections-supported-viewer-protocols-ciphers.html`],
  *check(r) {
    const cert = blocks(r.value, 'viewer_certificate')[0];
    if (!cert || flag(cert.cloudfront_default_certificate, false) !== false) return;
    const at: KeyPath = ['viewer_certificate', 0, 'minimum_protocol_version'];
    const version = cert.minimum_protocol_version;
    if (!isSet(version)) yield { message: 'minimum_protocol_version is not set (defaults to TLSv1)', at };
    else if (OUTDATED_MINIMUM.has(str(version) ?? ''))
      yield { message: `minimum_protocol_version is ${version}`, at };
  },
});
