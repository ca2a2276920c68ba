import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import type { RuleContext, Violation } from '../../rule.js';
import { companionOf } from './companion.js';
import { awsRule, tfDoc } from './define.js';
import { flag, num, str } from './values.js';

export const vpcFlowLogsDisabled = awsRule({
  id: 'iac/aws-vpc-flow-logs-disabled',
  title: 'VPC without flow logs',
  description:
    'VPC flow logs record the accepted and rejected connections of every network interface. Without ' +
    'them there is no record of which hosts a compromised instance talked to, and GuardDuty-style ' +
    'detections have nothing to work on. A flow log whose vpc_id is a variable or module output counts, ' +
    'since it may be for this VPC.',
  severity: 'medium',
  cis: ['cis-aws:3.7'],
  nist: ['AU-12', 'SI-4'],
  resourceTypes: ['aws_vpc', 'aws_default_vpc'],
  remediation:
    'Add a flow log for the VPC:\n\nresource "aws_flow_log" "main" {\n  vpc_id               = aws_vpc.main.id\n' +
    '  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = aws_s3_bucket.flow_logs.arn\n}',
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html', tfDoc('aws_flow_log')],
  *check(r, ctx) {
    if (companionOf(r, ctx, 'aws_flow_log', 'vpc_id', { kin: ['aws_vpc', 'aws_default_vpc'] }) === 'none')
      yield { message: 'no aws_flow_log for this VPC' };
  },
});

/** One network ACL entry, inline or standalone, normalised. Undefined fields were not statically known. */
interface AclEntry {
  number: number | undefined;
  allow: boolean | undefined;
  /** The entry matches traffic from anywhere for this address family. */
  world: boolean;
  from: number | undefined;
  to: number | undefined;
  at: KeyPath;
  subject?: string;
  /** False for a sibling standalone rule of the same ACL: it is reported on its own resource. */
  own: boolean;
}

const ADMIN_PORTS = [
  [22, 'SSH'],
  [3389, 'RDP'],
] as const;

/** The entry for `family` traffic, or undefined when it cannot match TCP (UDP, ICMP entries). */
function entry(
  b: IacObject,
  family: 'v4' | 'v6',
  names: { number: string; action: string },
  prefix: KeyPath,
): AclEntry | undefined {
  const cidrKey = family === 'v4' ? 'cidr_block' : 'ipv6_cidr_block';
  const raw = b.protocol;
  const protocol = typeof raw === 'number' ? String(raw) : str(raw)?.toLowerCase();
  const all = protocol === '-1' || protocol === 'all';
  if (protocol !== undefined && !all && protocol !== 'tcp' && protocol !== '6') return undefined;
  const action = str(b[names.action]);
  return {
    number: num(b[names.number]),
    allow: action === undefined ? undefined : action.toLowerCase() === 'allow',
    world: b[cidrKey] === (family === 'v4' ? '0.0.0.0/0' : '::/0'),
    from: all ? 0 : protocol === undefined ? undefined : num(b.from_port),
    to: all ? 65535 : protocol === undefined ? undefined : num(b.to_port),
    at: [...prefix, cidrKey],
    own: true,
  };
}

/**
 * The entry that decides traffic from the internet to `port`: ACL entries are evaluated in
 * rule-number order and the first match wins, so a lower-numbered deny closes the port. An entry
 * the document cannot resolve may be that first match: then nothing is decided.
 */
function decidingEntry(entries: readonly AclEntry[], port: number): AclEntry | undefined {
  const candidates = entries.filter(
    (e) => e.world && (e.from === undefined || e.to === undefined || (e.from <= port && port <= e.to)),
  );
  if (candidates.some((e) => e.number === undefined || e.from === undefined || e.allow === undefined))
    return undefined;
  return candidates.sort((a, b) => a.number! - b.number!)[0];
}

const INLINE = { number: 'rule_no', action: 'action' };
const STANDALONE = { number: 'rule_number', action: 'rule_action' };

/** The ingress entries that share `r`'s ACL: its inline blocks, or the standalone rules of the same ACL. */
function ingressEntries(r: IacResource, ctx: RuleContext, family: 'v4' | 'v6'): AclEntry[] {
  if (r.type !== 'aws_network_acl_rule')
    return blocks(r.value, 'ingress').flatMap((b, i) => {
      const e = entry(b, family, INLINE, ['ingress', i]);
      return e ? [{ ...e, subject: `ingress ${i}` }] : [];
    });
  const acl = JSON.stringify(r.value.network_acl_id);
  return ctx
    .ofType('aws_network_acl_rule')
    .filter((s) => JSON.stringify(s.value.network_acl_id) === acl && flag(s.value.egress, false) === false)
    .flatMap((s) => {
      const e = entry(s.value, family, STANDALONE, []);
      return e ? [{ ...e, own: s === r }] : [];
    });
}

export const naclAdminPortsOpen = awsRule({
  id: 'iac/aws-nacl-admin-ports-open-to-world',
  title: 'Network ACL allows SSH or RDP from the whole internet',
  description:
    'Network ACLs are the subnet-level layer under security groups. An ACL whose first matching ingress ' +
    'entry allows 0.0.0.0/0 or ::/0 to port 22 or 3389 leaves remote administration of every instance ' +
    'in the subnet guarded by security groups alone. Entries are evaluated in rule-number order, so a ' +
    'lower-numbered deny for these ports is honoured.',
  severity: 'medium',
  cis: ['cis-aws:5.1'],
  nist: ['SC-7', 'AC-17'],
  cwe: ['CWE-284'],
  resourceTypes: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'],
  remediation:
    'Deny the admin ports from the internet before the broad allow:\n\n' +
    'resource "aws_network_acl_rule" "deny_ssh" {\n  network_acl_id = aws_network_acl.public.id\n' +
    '  rule_number    = 90\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "deny"\n' +
    '  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
    tfDoc('aws_network_acl_rule'),
  ],
  *check(r, ctx): Generator<Violation> {
    if (r.type === 'aws_network_acl_rule' && flag(r.value.egress, false) !== false) return;
    for (const family of ['v4', 'v6'] as const) {
      const entries = ingressEntries(r, ctx, family);
      const open = new Map<AclEntry, string[]>();
      for (const [port, service] of ADMIN_PORTS) {
        const e = decidingEntry(entries, port);
        if (e?.allow && e.own) open.set(e, [...(open.get(e) ?? []), `${service} (${port})`]);
      }
      for (const [e, services] of open)
        yield {
          message: `ingress from ${family === 'v4' ? '0.0.0.0/0' : '::/0'} to ${services.join(' and ')} is allowed`,
          at: e.at,
          ...(e.subject ? { subject: e.subject } : {}),
        };
    }
  },
});
