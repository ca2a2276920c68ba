import type { Severity } from '../../../../core/severity.js';
import type { IacRule } from '../../rule.js';
import { DATABASE_EXPOSURE, DATABASE_PORTS } from '../database-ports.js';
import { covers, exposure, isAllPorts } from './firewall.js';
import { CIS_GCP, TF_GOOGLE } from './values.js';

const TYPES = ['google_compute_firewall'];
const REFERENCES = [`${TF_GOOGLE}/compute_firewall`, 'https://cloud.google.com/firewall/docs/firewalls'];

interface PortRule {
  id: string;
  title: string;
  description: string;
  what: string;
  ports: readonly number[];
  protocols: readonly string[];
  severity: Severity;
  cis: readonly string[];
}

/** A rule reporting firewalls that open `ports` to the internet (all-ports firewalls are reported once, elsewhere). */
function portRule(p: PortRule): IacRule {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    severity: p.severity,
    platform: 'terraform',
    resourceTypes: TYPES,
    cis: p.cis,
    nist: ['SC-7', 'AC-17', 'CM-7'],
    cwe: ['CWE-284'],
    remediation:
      `Allow ${p.what} only from known ranges (or through Identity-Aware Proxy, 35.235.240.0/20):\n\n` +
      '```hcl\nresource "google_compute_firewall" "admin" {\n  allow {\n    protocol = "tcp"\n' +
      `    ports    = ["${p.ports[0]}"]\n  }\n  source_ranges = ["35.235.240.0/20"] # not 0.0.0.0/0\n}\n\`\`\``,
    references: p.cis.length > 0 ? [...REFERENCES, CIS_GCP] : REFERENCES,
    *check(r) {
      const e = exposure(r);
      if (!e) return;
      const ranges = e.ranges.filter((range) => p.protocols.includes(range.protocol));
      if (ranges.some(isAllPorts)) return;
      const hit = ranges.find((range) => p.ports.some((port) => covers(range, port)));
      if (!hit) return;
      const open = p.ports.filter((port) => ranges.some((range) => covers(range, port)));
      yield { message: `allows ${p.what} (port ${open.join(', ')}) from ${e.source}`, at: hit.at };
    },
  };
}

export const firewallSshOpen = portRule({
  id: 'iac/gcp-firewall-ssh-open',
  title: 'Firewall rule opens SSH to the internet',
  description:
    'SSH reachable from any address is scanned and brute-forced within minutes, and any SSH vulnerability ' +
    'becomes remotely exploitable. Use Identity-Aware Proxy TCP forwarding, a bastion or known ranges.',
  what: 'SSH',
  ports: [22],
  protocols: ['tcp', 'all'],
  severity: 'high',
  cis: ['cis-gcp:3.6'],
});

export const firewallRdpOpen = portRule({
  id: 'iac/gcp-firewall-rdp-open',
  title: 'Firewall rule opens RDP to the internet',
  description:
    'RDP exposed to the internet is one of the most common ransomware entry points. Use Identity-Aware Proxy, ' +
    'a VPN or known ranges.',
  what: 'RDP',
  ports: [3389],
  // RDP over UDP only accelerates a session opened over TCP.
  protocols: ['tcp', 'all'],
  severity: 'high',
  cis: ['cis-gcp:3.7'],
});

export const firewallDatabaseOpen = portRule({
  id: 'iac/gcp-firewall-database-port-open',
  title: 'Firewall rule opens a database port to the internet',
  description: DATABASE_EXPOSURE,
  what: 'a database',
  ports: DATABASE_PORTS,
  protocols: ['tcp', 'all'],
  severity: 'high',
  cis: [],
});

export const firewallAllPortsOpen: IacRule = {
  id: 'iac/gcp-firewall-all-ports-open',
  title: 'Firewall rule opens every port to the internet',
  description:
    'An ingress rule allowing all ports (protocol `all`, or no `ports`) from any address exposes every ' +
    'service on the targeted instances, including management and database ports.',
  severity: 'critical',
  platform: 'terraform',
  resourceTypes: TYPES,
  cis: [],
  nist: ['SC-7', 'SC-7(5)', 'CM-7'],
  cwe: ['CWE-284'],
  remediation:
    'Open only the ports the service needs:\n\n```hcl\nresource "google_compute_firewall" "web" {\n  allow {\n' +
    '    protocol = "tcp"\n    ports    = ["443"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n  target_tags   = ["web"]\n}\n```',
  references: REFERENCES,
  *check(r) {
    const e = exposure(r);
    const hit = e?.ranges.find(isAllPorts);
    if (e && hit) yield { message: `allows every ${hit.protocol} port from ${e.source}`, at: hit.at };
  },
};
