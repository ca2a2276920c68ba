import type { Severity } from '../../../../core/severity.js';
import type { IacRule } from '../../rule.js';
import { DATABASE_EXPOSURE, DATABASE_PORTS } from '../database-ports.js';
import { covers, exposure, isAllPorts, nsgRules } from './nsg.js';
import { CIS_AZURE, TF_AZURERM } from './values.js';

const TYPES = ['azurerm_network_security_rule', 'azurerm_network_security_group'];
const REFERENCES = [
  `${TF_AZURERM}/network_security_rule`,
  `${TF_AZURERM}/network_security_group`,
  'https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview',
];

const remediation = (port: string, what: string) =>
  `Allow ${what} only from known ranges (or use Azure Bastion / a private endpoint):\n\n` +
  '```hcl\nresource "azurerm_network_security_rule" "admin" {\n  direction                  = "Inbound"\n' +
  `  access                     = "Allow"\n  protocol                   = "Tcp"\n  destination_port_range     = "${port}"\n` +
  '  source_address_prefix      = "203.0.113.0/24" # not "*", "Internet" or "0.0.0.0/0"\n}\n```';

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

/** A rule reporting inbound Allow rules that open `ports` to the internet (all-ports rules are reported once, elsewhere). */
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
    remediation: remediation(String(p.ports[0]), p.what),
    references: p.cis.length > 0 ? [...REFERENCES, CIS_AZURE] : REFERENCES,
    *check(r) {
      for (const n of nsgRules(r)) {
        const e = exposure(n, p.protocols);
        if (!e || e.ranges.some(isAllPorts)) continue;
        const hit = e.ranges.find((range) => p.ports.some((port) => covers(range, port)));
        if (!hit) continue;
        const open = p.ports.filter((port) => e.ranges.some((range) => covers(range, port)));
        yield {
          message: `allows ${p.what} (port ${open.join(', ')}) inbound from ${e.source}`,
          at: hit.at,
          ...(n.subject ? { subject: n.subject } : {}),
        };
      }
    },
  };
}

export const nsgSshOpen = portRule({
  id: 'iac/azure-nsg-ssh-open',
  title: 'Network security rule opens SSH to the internet',
  description:
    'SSH reachable from any address is scanned and brute-forced within minutes of exposure, and any SSH ' +
    'vulnerability becomes remotely exploitable. Administrative access should come from known ranges, a VPN ' +
    'or Azure Bastion.',
  what: 'SSH',
  ports: [22],
  protocols: ['tcp', '*'],
  severity: 'high',
  cis: ['cis-azure:6.2'],
});

export const nsgRdpOpen = portRule({
  id: 'iac/azure-nsg-rdp-open',
  title: 'Network security rule opens RDP to the internet',
  description:
    'RDP exposed to the internet is one of the most common ransomware entry points (credential stuffing, ' +
    'BlueKeep-class vulnerabilities). Remote desktop should go through Azure Bastion, a VPN or just-in-time access.',
  what: 'RDP',
  ports: [3389],
  // RDP over UDP only accelerates a session opened over TCP.
  protocols: ['tcp', '*'],
  severity: 'high',
  cis: ['cis-azure:6.1'],
});

export const nsgDatabaseOpen = portRule({
  id: 'iac/azure-nsg-database-port-open',
  title: 'Network security rule opens a database port to the internet',
  description: DATABASE_EXPOSURE,
  what: 'a database',
  ports: DATABASE_PORTS,
  protocols: ['tcp', '*'],
  severity: 'high',
  cis: [],
});

export const nsgAllPortsOpen: IacRule = {
  id: 'iac/azure-nsg-all-ports-open',
  title: 'Network security rule opens every port to the internet',
  description:
    'An inbound Allow rule for all ports from any address exposes every service on the subnet or NIC, ' +
    'including management and database ports, and defeats the purpose of the security group.',
  severity: 'critical',
  platform: 'terraform',
  resourceTypes: TYPES,
  cis: [],
  nist: ['SC-7', 'SC-7(5)', 'CM-7'],
  cwe: ['CWE-284'],
  remediation:
    'Open only the ports the service needs:\n\n```hcl\nresource "azurerm_network_security_rule" "web" {\n' +
    '  direction              = "Inbound"\n  access                 = "Allow"\n  protocol               = "Tcp"\n' +
    '  destination_port_range = "443" # not "*" or "0-65535"\n  source_address_prefix  = "Internet"\n}\n```',
  references: REFERENCES,
  *check(r) {
    for (const n of nsgRules(r)) {
      const e = exposure(n, ['tcp', 'udp', '*']);
      const hit = e?.ranges.find(isAllPorts);
      if (e && hit)
        yield {
          message: `allows every port inbound from ${e.source}`,
          at: hit.at,
          ...(n.subject ? { subject: n.subject } : {}),
        };
    }
  },
};
