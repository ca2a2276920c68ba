import {
  blocks,
  get,
  type IacObject,
  type IacResource,
  type IacValue,
  isUnknown,
  type KeyPath,
} from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { cfnDoc, cfnRule, text } from './define.js';

const GROUP = 'AWS::EC2::SecurityGroup';
const INGRESS = 'AWS::EC2::SecurityGroupIngress';

const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
]);

const DATABASE_PORTS: ReadonlyMap<number, string> = new Map([
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [5439, 'Redshift'],
  [6379, 'Redis'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [11211, 'Memcached'],
  [27017, 'MongoDB'],
]);

/** Properties holding a rule's source range; a `/0` prefix (`0.0.0.0/0`, `::/0`, even `10.0.0.1/0`) is everyone. */
const CIDR_PROPS = ['CidrIp', 'CidrIpv6'];
const isWorld = (v: IacValue | undefined): v is string => typeof v === 'string' && /\/0$/.test(v.trim());

const port = (v: IacValue | undefined): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};

/** The ports of `watched` a rule opens; none when its protocol or ports are not known. */
function openedPorts(rule: IacObject, watched: ReadonlyMap<number, string>): number[] {
  const protocol = isUnknown(rule.IpProtocol) ? undefined : text(String(rule.IpProtocol ?? ''));
  if (protocol === '-1') return [...watched.keys()];
  if (!['tcp', 'udp', '6', '17'].includes(protocol ?? '')) return [];
  const from = port(rule.FromPort);
  const to = port(rule.ToPort);
  if (from === undefined || to === undefined) return [];
  return [...watched.keys()].filter((p) => from <= p && p <= to);
}

/** A rule open to the whole internet on a watched port: the offending CIDR property and what it opens. */
function exposure(rule: IacObject, watched: ReadonlyMap<number, string>) {
  const prop = CIDR_PROPS.find((p) => isWorld(rule[p]));
  const ports = prop ? openedPorts(rule, watched) : [];
  if (!prop || ports.length === 0) return undefined;
  const what = ports.map((p) => `${p} (${watched.get(p)})`).join(', ');
  return { prop, message: `allows ingress from ${rule[prop]} (everyone) to port ${what}` };
}

/** Inline `SecurityGroupIngress` rules of a group, or the standalone ingress resource itself. */
function ingressRules(r: IacResource): [IacObject, KeyPath, string | undefined][] {
  if (r.type === INGRESS) return [[r.value, [], undefined]];
  const raw = get(r.value, ['SecurityGroupIngress']);
  return blocks(r.value, 'SecurityGroupIngress').map((b) => {
    const i = Array.isArray(raw) ? raw.indexOf(b) : 0;
    return [b, ['SecurityGroupIngress', i], `ingress ${i}`];
  });
}

function* exposures(r: IacResource, watched: ReadonlyMap<number, string>, fix: string): Iterable<Violation> {
  for (const [rule, at, subject] of ingressRules(r)) {
    const e = exposure(rule, watched);
    if (e) yield { message: `${e.message}; ${fix}`, at: [...at, e.prop], ...(subject ? { subject } : {}) };
  }
}

const SG_DOCS = [
  cfnDoc(GROUP),
  cfnDoc(INGRESS),
  'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
];

export const sgOpenAdminPort = cfnRule({
  id: 'iac/aws-security-group-open-admin-port-cfn',
  title: 'Security group opens SSH or RDP to the internet',
  description:
    'An ingress rule from 0.0.0.0/0 or ::/0 (any /0 range) covering port 22 (SSH) or 3389 (RDP) exposes remote administration to the whole internet, where these ports are brute-forced and exploited within minutes of a host appearing. Use Session Manager, a bastion, or a VPN range.',
  severity: 'high',
  resourceTypes: [GROUP, INGRESS],
  cis: [],
  nist: ['SC-7', 'AC-17', 'CM-7'],
  cwe: ['CWE-284'],
  remediation:
    'Allow administration only from a known range (or use Session Manager and no ingress at all):\n\n```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 10.20.0.0/16\n```',
  references: SG_DOCS,
  check: (r) => exposures(r, ADMIN_PORTS, 'allow only a known address range or use Session Manager'),
});

export const sgOpenDatabasePort = cfnRule({
  id: 'iac/aws-security-group-open-database-port-cfn',
  title: 'Security group opens a database port to the internet',
  description:
    'An ingress rule from 0.0.0.0/0 or ::/0 (any /0 range) covering a database or cache port (MySQL, PostgreSQL, SQL Server, Oracle, Redshift, Redis, Memcached, MongoDB, Cassandra, Elasticsearch) exposes its login, and often unauthenticated access, to internet-wide scanning. Allow the application security group instead.',
  severity: 'high',
  resourceTypes: [GROUP, INGRESS],
  cis: [],
  nist: ['SC-7', 'CM-7'],
  cwe: ['CWE-284'],
  remediation:
    'Allow the application tier by security group:\n\n```yaml\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432\n    SourceSecurityGroupId: !Ref AppSecurityGroup\n```',
  references: SG_DOCS,
  check: (r) =>
    exposures(r, DATABASE_PORTS, 'allow the application security group or a private range instead'),
});

export const SECURITY_GROUP_RULES: readonly IacRule[] = [sgOpenAdminPort, sgOpenDatabasePort];
