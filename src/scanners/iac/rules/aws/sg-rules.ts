import { isUnknown } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { type AwsRuleSpec, awsRule, tfDoc } from './define.js';
import { DATA_STORES, RDP, RISKY_SERVICES, SSH } from './ports.js';
import {
  describeService,
  exposedServices,
  isAllPorts,
  type Service,
  SG_TYPES,
  worldPermissions,
} from './security-groups.js';

const SG_REFERENCES = [
  'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  tfDoc('aws_vpc_security_group_ingress_rule'),
];

const narrowIngress = (port: string) =>
  'Allow the port from known networks only (a VPN, a bastion security group), or use a private path ' +
  `(SSM Session Manager, a private endpoint):\n\nresource "aws_vpc_security_group_ingress_rule" "admin" {\n` +
  `  security_group_id = aws_security_group.app.id\n  cidr_ipv4         = "10.20.0.0/16"\n` +
  `  from_port         = ${port}\n  to_port           = ${port}\n  ip_protocol       = "tcp"\n}`;

type PortRuleSpec = Omit<AwsRuleSpec, 'check' | 'resourceTypes' | 'references'> & {
  services: readonly Service[];
};

/**
 * A rule reporting internet ingress to some services. A permission that opens every port is
 * left to iac/aws-sg-all-ports-open-to-world, so one rule line gives one finding.
 */
function portRule({ services, ...spec }: PortRuleSpec): IacRule {
  return awsRule({
    ...spec,
    resourceTypes: SG_TYPES,
    references: SG_REFERENCES,
    *check(r): Generator<Violation> {
      for (const p of worldPermissions(r)) {
        if (p.direction !== 'ingress' || isAllPorts(p)) continue;
        const open = exposedServices(p, services);
        if (open.length === 0) continue;
        const subject = p.subject ? { subject: p.subject } : {};
        const what = open.map(describeService).join(', ');
        yield { message: `ingress from ${p.world.join(', ')} opens ${what}`, at: p.at, ...subject };
      }
    },
  });
}

export const sgSshOpen = portRule({
  id: 'iac/aws-sg-ssh-open-to-world',
  title: 'Security group allows SSH from the whole internet',
  description:
    'Port 22 open to 0.0.0.0/0 or ::/0 exposes the SSH daemon to constant credential stuffing and to any ' +
    'pre-authentication vulnerability. Administrative access should come from known networks or go ' +
    'through SSM Session Manager, which needs no inbound port at all.',
  severity: 'high',
  cis: ['cis-aws:5.2', 'cis-aws:5.3'],
  nist: ['SC-7', 'AC-17', 'CM-7'],
  cwe: ['CWE-284'],
  remediation: narrowIngress('22'),
  services: SSH,
});

export const sgRdpOpen = portRule({
  id: 'iac/aws-sg-rdp-open-to-world',
  title: 'Security group allows RDP from the whole internet',
  description:
    'Port 3389 open to the internet is one of the most common ransomware entry points: RDP is brute ' +
    'forced within minutes of being exposed and has had wormable pre-authentication flaws (BlueKeep).',
  severity: 'high',
  cis: ['cis-aws:5.2', 'cis-aws:5.3'],
  nist: ['SC-7', 'AC-17', 'CM-7'],
  cwe: ['CWE-284'],
  remediation: narrowIngress('3389'),
  services: RDP,
});

export const sgDataStoreOpen = portRule({
  id: 'iac/aws-sg-database-port-open-to-world',
  title: 'Security group exposes a database or data-store port to the internet',
  description:
    'Database, cache, search and broker ports (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, ' +
    'Elasticsearch, Memcached, Kafka...) open to 0.0.0.0/0 or ::/0 are found by internet-wide scanners ' +
    'within hours; several of these services accept connections without authentication by default.',
  severity: 'high',
  cis: [],
  nist: ['SC-7', 'CM-7'],
  cwe: ['CWE-284'],
  remediation: narrowIngress('5432'),
  services: DATA_STORES,
});

export const sgRiskyServiceOpen = portRule({
  id: 'iac/aws-sg-risky-port-open-to-world',
  title: 'Security group exposes a cleartext or remote-control service to the internet',
  description:
    'Telnet, FTP, SMB, NetBIOS, RPC, NFS, SNMP, VNC, WinRM, the Docker API, etcd and the kubelet either ' +
    'send credentials in clear, run without authentication by default, or give remote control of the ' +
    'host. None of them should be reachable from the internet.',
  severity: 'high',
  cis: [],
  nist: ['SC-7', 'CM-7'],
  cwe: ['CWE-284'],
  remediation: narrowIngress('445'),
  services: RISKY_SERVICES,
});

export const sgAllPortsOpen = awsRule({
  id: 'iac/aws-sg-all-ports-open-to-world',
  title: 'Security group allows all traffic from the whole internet',
  description:
    'A rule with protocol -1 or ports 0-65535 from 0.0.0.0/0 or ::/0 exposes every service on the ' +
    'attached instances, including admin and database ports, and anything started on them later.',
  severity: 'critical',
  cis: ['cis-aws:5.2', 'cis-aws:5.3'],
  nist: ['SC-7', 'CM-7'],
  cwe: ['CWE-284'],
  resourceTypes: SG_TYPES,
  remediation:
    'Allow only the ports the service needs (usually 443 behind a load balancer):\n\n' +
    'resource "aws_vpc_security_group_ingress_rule" "https" {\n  security_group_id = aws_security_group.lb.id\n' +
    '  cidr_ipv4         = "0.0.0.0/0"\n  from_port         = 443\n  to_port           = 443\n' +
    '  ip_protocol       = "tcp"\n}',
  references: SG_REFERENCES,
  *check(r) {
    for (const p of worldPermissions(r))
      if (p.direction === 'ingress' && isAllPorts(p))
        yield {
          message: `ingress from ${p.world.join(', ')} allows every port (${p.protocol === 'all' ? 'all protocols' : p.protocol})`,
          at: p.at,
          ...(p.subject ? { subject: p.subject } : {}),
        };
  },
});

export const sgEgressOpen = awsRule({
  id: 'iac/aws-sg-unrestricted-egress',
  title: 'Security group allows all outbound traffic to the internet',
  description:
    'Unrestricted egress lets a compromised workload download tooling and exfiltrate data anywhere. It is ' +
    "AWS's default for new groups (Terraform removes it unless declared), so this is low severity: " +
    'restrict egress where the workload talks to a known set of destinations.',
  severity: 'low',
  cis: [],
  nist: ['SC-7', 'AC-4'],
  resourceTypes: SG_TYPES,
  remediation:
    'Allow only the destinations needed:\n\nresource "aws_vpc_security_group_egress_rule" "https" {\n' +
    '  security_group_id = aws_security_group.app.id\n  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id\n' +
    '  from_port         = 443\n  to_port           = 443\n  ip_protocol       = "tcp"\n}',
  references: SG_REFERENCES,
  *check(r) {
    for (const p of worldPermissions(r))
      if (p.direction === 'egress' && isAllPorts(p))
        yield {
          message: `egress to ${p.world.join(', ')} allows all traffic`,
          at: p.at,
          ...(p.subject ? { subject: p.subject } : {}),
        };
  },
});

const STANDALONE_RULES = [
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];

export const defaultSgHasRules = awsRule({
  id: 'iac/aws-default-security-group-allows-traffic',
  title: 'Default security group has rules',
  description:
    "Every VPC's default security group is attached to anything launched without an explicit group. " +
    'Giving it rules silently opens those resources; it should allow nothing, so that forgetting a ' +
    'group fails closed. Declaring aws_default_security_group without ingress/egress blocks removes ' +
    'all its rules.',
  severity: 'medium',
  cis: ['cis-aws:5.4'],
  nist: ['SC-7', 'AC-4'],
  resourceTypes: ['aws_default_security_group', ...STANDALONE_RULES],
  remediation:
    'Manage the default group with no rules, and give resources their own groups:\n\n' +
    'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    tfDoc('aws_default_security_group'),
  ],
  *check(r) {
    if (r.type !== 'aws_default_security_group') {
      const sg = r.value.security_group_id;
      if (isUnknown(sg) && sg.refs.some((ref) => /(^|\.)aws_default_security_group\./.test(ref)))
        yield { message: 'adds a rule to the default security group', at: ['security_group_id'] };
      return;
    }
    for (const d of ['ingress', 'egress'] as const) {
      const rules = r.value[d];
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++)
        yield { message: `default security group has an ${d} rule`, at: [d, i], subject: `${d} ${i}` };
    }
  },
});
