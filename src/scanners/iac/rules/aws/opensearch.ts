import { blocks, get, isUnknown, type KeyPath } from '../../model.js';
import { awsRule, tfDoc } from './define.js';
import { expectFlag, isSet } from './values.js';

const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];
const OS_DOCS = 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide';

export const opensearchAtRest = awsRule({
  id: 'iac/aws-opensearch-not-encrypted-at-rest',
  title: 'OpenSearch domain not encrypted at rest',
  description:
    'Without encryption at rest, indices, logs, swap files and automated snapshots of the domain are ' +
    'stored in clear. Search clusters often hold copies of the most sensitive data (logs, customer ' +
    'records).',
  severity: 'high',
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  resourceTypes: DOMAINS,
  remediation:
    'resource "aws_opensearch_domain" "search" {\n  # ...\n  encrypt_at_rest {\n    enabled = true\n  }\n}',
  references: [`${OS_DOCS}/encryption-at-rest.html`, tfDoc('aws_opensearch_domain')],
  check: (r) =>
    isUnknown(r.value.encrypt_at_rest)
      ? []
      : expectFlag(r, {
          path: ['encrypt_at_rest', 0, 'enabled'],
          want: true,
          byDefault: false,
          why: 'the domain data is stored unencrypted',
        }),
});

export const opensearchNodeToNode = awsRule({
  id: 'iac/aws-opensearch-node-to-node-encryption-disabled',
  title: 'OpenSearch domain without node-to-node encryption',
  description:
    'Without node-to-node encryption, traffic between the nodes of the domain (shard replication, ' +
    'search fan-out) crosses the VPC in clear text. It is also a prerequisite for fine-grained access control.',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  resourceTypes: DOMAINS,
  remediation:
    'resource "aws_opensearch_domain" "search" {\n  # ...\n  node_to_node_encryption {\n    enabled = true\n  }\n}',
  references: [`${OS_DOCS}/ntn.html`],
  check: (r) =>
    isUnknown(r.value.node_to_node_encryption)
      ? []
      : expectFlag(r, {
          path: ['node_to_node_encryption', 0, 'enabled'],
          want: true,
          byDefault: false,
          why: 'traffic between nodes is not encrypted',
        }),
});

export const opensearchHttps = awsRule({
  id: 'iac/aws-opensearch-https-not-enforced',
  title: 'OpenSearch domain accepts plain HTTP',
  description:
    'Unless domain_endpoint_options enforces HTTPS, the domain endpoint also answers over HTTP, and ' +
    'queries, results and credentials can travel in clear text.',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  resourceTypes: DOMAINS,
  remediation:
    'resource "aws_opensearch_domain" "search" {\n  # ...\n  domain_endpoint_options {\n    enforce_https       = true\n' +
    '    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}',
  references: [`${OS_DOCS}/infrastructure-security.html`],
  *check(r) {
    if (isUnknown(r.value.domain_endpoint_options)) return;
    if (blocks(r.value, 'domain_endpoint_options').length === 0) {
      yield { message: 'no domain_endpoint_options: HTTPS is not enforced' };
      return;
    }
    // Inside the block, the provider defaults enforce_https to true.
    yield* expectFlag(r, {
      path: ['domain_endpoint_options', 0, 'enforce_https'],
      want: true,
      byDefault: true,
      why: 'the endpoint answers over HTTP',
    });
  },
});

export const opensearchOutdatedTls = awsRule({
  id: 'iac/aws-opensearch-outdated-tls-policy',
  title: 'OpenSearch domain accepts TLS 1.0 and 1.1',
  description:
    'The Policy-Min-TLS-1-0-2019-07 security policy lets clients connect with TLS 1.0 and 1.1, which are ' +
    'deprecated (RFC 8996). Use Policy-Min-TLS-1-2-2019-07 or a newer policy.',
  severity: 'medium',
  cis: [],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  resourceTypes: DOMAINS,
  remediation:
    'resource "aws_opensearch_domain" "search" {\n  # ...\n  domain_endpoint_options {\n    enforce_https       = true\n' +
    '    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n}',
  references: [`${OS_DOCS}/infrastructure-security.html`],
  *check(r) {
    const at: KeyPath = ['domain_endpoint_options', 0, 'tls_security_policy'];
    if (get(r.value, at) === 'Policy-Min-TLS-1-0-2019-07')
      yield { message: 'tls_security_policy is Policy-Min-TLS-1-0-2019-07', at };
  },
});

export const opensearchNotInVpc = awsRule({
  id: 'iac/aws-opensearch-not-in-vpc',
  title: 'OpenSearch domain has a public endpoint',
  description:
    'A domain without vpc_options gets an internet-facing endpoint, protected only by its access policy ' +
    '(and fine-grained access control if enabled): one permissive policy statement exposes the data to ' +
    'the internet. Placing the domain in a VPC keeps it off the internet entirely.',
  severity: 'medium',
  cis: [],
  nist: ['SC-7', 'AC-3'],
  cwe: ['CWE-284'],
  resourceTypes: DOMAINS,
  remediation:
    'resource "aws_opensearch_domain" "search" {\n  # ...\n  vpc_options {\n    subnet_ids         = var.private_subnet_ids\n' +
    '    security_group_ids = [aws_security_group.search.id]\n  }\n}',
  references: [`${OS_DOCS}/vpc.html`],
  *check(r) {
    if (!isSet(r.value.vpc_options)) yield { message: 'no vpc_options: the domain endpoint is public' };
  },
});
