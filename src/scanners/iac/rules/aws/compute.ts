import { blocks, get, isUnknown, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';
import { awsRule, tfDoc } from './define.js';
import { flag, isSet, str } from './values.js';

const IMDS_DOCS =
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html';

export const imdsv2NotRequired = awsRule({
  id: 'iac/aws-ec2-imdsv2-not-required',
  title: 'EC2 instance metadata service allows IMDSv1',
  description:
    'IMDSv1 answers plain GET requests, so a server-side request forgery in any application on the ' +
    'instance can read the instance role credentials (the Capital One breach). IMDSv2 requires a ' +
    'session token obtained with a PUT, which SSRF cannot usually send. The provider default is ' +
    '"optional" unless the AMI asks for v2. Instances launched from a launch template inherit its ' +
    'metadata options (the template is checked instead); an aws_ec2_instance_metadata_defaults with ' +
    'http_tokens = "required" in the same configuration makes v2 the account default.',
  severity: 'medium',
  cis: ['cis-aws:5.6'],
  nist: ['AC-3', 'SC-7'],
  cwe: ['CWE-918'],
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  remediation:
    'resource "aws_instance" "app" {\n  # ...\n  metadata_options {\n    http_endpoint = "enabled"\n' +
    '    http_tokens   = "required"\n  }\n}',
  references: [
    IMDS_DOCS,
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-v2-how-it-works.html',
  ],
  *check(r, ctx) {
    if (isUnknown(r.value.metadata_options)) return;
    const options = blocks(r.value, 'metadata_options')[0];
    if (!options) {
      if (r.type === 'aws_instance' && isSet(r.value.launch_template)) return;
      const accountDefault = ctx.ofType('aws_ec2_instance_metadata_defaults');
      if (accountDefault.some((d) => d.value.http_tokens === 'required' || isUnknown(d.value.http_tokens)))
        return;
      yield { message: 'no metadata_options: IMDSv1 is available unless the AMI requires IMDSv2' };
      return;
    }
    if (options.http_endpoint === 'disabled') return;
    const at: KeyPath = ['metadata_options', 0, 'http_tokens'];
    const tokens = get(r.value, at);
    if (tokens === undefined)
      yield { message: 'metadata_options.http_tokens is not set (defaults to "optional")', at };
    else if (str(tokens) === 'optional')
      yield { message: 'http_tokens is "optional": IMDSv1 is available', at };
  },
});

export const ec2PublicIp = awsRule({
  id: 'iac/aws-ec2-public-ip',
  title: 'EC2 instance gets a public IP address',
  description:
    'An instance with a public IP is reachable from the internet whenever its security group allows it, ' +
    'and one rule change away from exposure otherwise. Instances behind a load balancer or reached ' +
    'through SSM need no public address. Only an explicit associate_public_ip_address = true is ' +
    "reported: when it is left out, the subnet's setting decides.",
  severity: 'medium',
  cis: [],
  nist: ['SC-7'],
  cwe: ['CWE-284'],
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  remediation:
    'Place the instance in a private subnet without a public address:\n\nresource "aws_instance" "app" {\n' +
    '  # ...\n  subnet_id                   = aws_subnet.private.id\n  associate_public_ip_address = false\n}',
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
    tfDoc('aws_instance'),
  ],
  *check(r): Generator<Violation> {
    const places: KeyPath[] =
      r.type === 'aws_launch_template'
        ? blocks(r.value, 'network_interfaces').map((_, i) => [
            'network_interfaces',
            i,
            'associate_public_ip_address',
          ])
        : [['associate_public_ip_address']];
    for (const at of places)
      if (flag(get(r.value, at), false) === true)
        yield { message: 'associate_public_ip_address is true: the instance gets a public IP', at };
  },
});
