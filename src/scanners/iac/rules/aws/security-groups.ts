import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import { num, str, strings } from './values.js';

/** Everything on the internet, IPv4 and IPv6. */
export const WORLD = new Set(['0.0.0.0/0', '::/0']);

type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'other';

const PROTOCOLS: Readonly<Record<string, Protocol>> = {
  '-1': 'all',
  all: 'all',
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  icmpv6: 'icmp',
  '58': 'icmp',
};

/** One security group rule that admits traffic from (or sends it to) the whole internet. */
export interface WorldPermission {
  direction: 'ingress' | 'egress';
  /** The world-open CIDRs it lists. */
  world: string[];
  protocol: Protocol;
  from: number;
  to: number;
  /** Path of the CIDR attribute that opens it. */
  at: KeyPath;
  subject?: string;
}

export type Service = { name: string; from: number; to?: number; protocols: readonly ('tcp' | 'udp')[] };

/** The shape of a rule in each resource type: CIDR attributes and protocol attribute. */
interface Layout {
  v4: string;
  v6: string;
  protocol: string;
}
const CLASSIC: Layout = { v4: 'cidr_blocks', v6: 'ipv6_cidr_blocks', protocol: 'protocol' };
const VPC_RULE: Layout = { v4: 'cidr_ipv4', v6: 'cidr_ipv6', protocol: 'ip_protocol' };

function permission(
  b: IacObject,
  layout: Layout,
  direction: WorldPermission['direction'],
  prefix: KeyPath,
  subject?: string,
): WorldPermission | undefined {
  const v4 = strings(b[layout.v4]).filter((c) => WORLD.has(c.trim()));
  const v6 = strings(b[layout.v6]).filter((c) => WORLD.has(c.trim()));
  if (v4.length + v6.length === 0) return undefined;
  const raw = b[layout.protocol];
  const name = typeof raw === 'number' ? String(raw) : str(raw)?.toLowerCase();
  if (name === undefined) return undefined;
  const protocol = PROTOCOLS[name] ?? 'other';
  const from = protocol === 'all' ? 0 : num(b.from_port);
  const to = protocol === 'all' ? 65535 : num(b.to_port);
  if (from === undefined || to === undefined) return undefined;
  const at: KeyPath = [...prefix, v4.length > 0 ? layout.v4 : layout.v6];
  return { direction, world: [...v4, ...v6], protocol, from, to, at, ...(subject ? { subject } : {}) };
}

/** The world-open permissions a security group resource declares, inline or as a standalone rule. */
export function worldPermissions(r: IacResource): WorldPermission[] {
  const v = r.value;
  switch (r.type) {
    case 'aws_security_group':
    case 'aws_default_security_group':
      return (['ingress', 'egress'] as const).flatMap((d) =>
        blocks(v, d).flatMap((b, i) => permission(b, CLASSIC, d, [d, i], `${d} ${i}`) ?? []),
      );
    case 'aws_security_group_rule': {
      const d = v.type;
      return d === 'ingress' || d === 'egress' ? [permission(v, CLASSIC, d, [])].flatMap((p) => p ?? []) : [];
    }
    case 'aws_vpc_security_group_ingress_rule':
      return [permission(v, VPC_RULE, 'ingress', [])].flatMap((p) => p ?? []);
    case 'aws_vpc_security_group_egress_rule':
      return [permission(v, VPC_RULE, 'egress', [])].flatMap((p) => p ?? []);
    default:
      return [];
  }
}

/** Every port of every protocol: what `protocol = "-1"` or 0-65535 means. */
export const isAllPorts = (p: WorldPermission): boolean =>
  p.protocol === 'all' || ((p.protocol === 'tcp' || p.protocol === 'udp') && p.from <= 1 && p.to >= 65535);

/** The services of `catalog` the permission exposes. */
export function exposedServices(p: WorldPermission, catalog: readonly Service[]): Service[] {
  return catalog.filter(
    (s) =>
      (p.protocol === 'all' || s.protocols.includes(p.protocol as 'tcp' | 'udp')) &&
      p.from <= (s.to ?? s.from) &&
      s.from <= p.to,
  );
}

export const describeService = (s: Service): string =>
  `${s.name} (${s.to ? `${s.from}-${s.to}` : s.from}/${s.protocols.join('+')})`;

/** Resource types that carry security group rules. */
export const SG_TYPES = [
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
] as const;
