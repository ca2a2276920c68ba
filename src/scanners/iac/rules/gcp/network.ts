import { isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { CIS_GCP, isTrue, lower, TF_GOOGLE, unset } from './values.js';

/** Subnet purposes that carry no VM traffic and do not support flow logs. */
const NO_FLOW_LOGS = new Set([
  'internal_https_load_balancer',
  'regional_managed_proxy',
  'global_managed_proxy',
  'private_service_connect',
  'private_nat',
]);

export const subnetFlowLogs: IacRule = {
  id: 'iac/gcp-subnet-flow-logs-disabled',
  title: 'VPC subnet without flow logs',
  description:
    'VPC flow logs record the connections to and from VMs in the subnet; without them there is no network ' +
    'trail to detect exfiltration or lateral movement, or to investigate an incident.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ['google_compute_subnetwork'],
  cis: ['cis-gcp:3.8'],
  nist: ['AU-2', 'AU-12', 'SI-4'],
  cwe: ['CWE-778'],
  remediation:
    'Enable flow logs:\n\n```hcl\nresource "google_compute_subnetwork" "app" {\n  log_config {\n' +
    '    aggregation_interval = "INTERVAL_5_SEC"\n    flow_sampling        = 0.5\n' +
    '    metadata             = "INCLUDE_ALL_METADATA"\n  }\n}\n```',
  references: [
    `${TF_GOOGLE}/compute_subnetwork`,
    'https://cloud.google.com/vpc/docs/using-flow-logs',
    CIS_GCP,
  ],
  *check(r) {
    const purpose = r.value.purpose;
    if (isUnknown(purpose) || NO_FLOW_LOGS.has(lower(purpose) ?? '')) return;
    if (unset(r.value.log_config)) yield { message: 'flow logs are not enabled', at: ['log_config'] };
  },
};

export const networkAutoSubnets: IacRule = {
  id: 'iac/gcp-network-auto-subnets',
  title: 'Auto mode VPC network',
  description:
    'An auto mode network creates a subnet in every region with predefined ranges that overlap those of every ' +
    'other auto mode network, and default networks come with permissive firewall rules. Custom mode networks ' +
    'only have the subnets and ranges you plan. `auto_create_subnetworks` defaults to true.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ['google_compute_network'],
  cis: [],
  nist: ['SC-7', 'CM-7'],
  remediation:
    'Use a custom mode network:\n\n```hcl\nresource "google_compute_network" "main" {\n' +
    '  auto_create_subnetworks = false\n}\n```',
  references: [`${TF_GOOGLE}/compute_network`, 'https://cloud.google.com/vpc/docs/vpc#subnet-ranges'],
  *check(r) {
    const v = r.value.auto_create_subnetworks;
    if (unset(v) || isTrue(v))
      yield { message: 'the network creates subnets automatically', at: ['auto_create_subnetworks'] };
  },
};

export const projectDefaultNetwork: IacRule = {
  id: 'iac/gcp-project-default-network',
  title: 'Project created with the default network',
  description:
    'New projects get a `default` auto mode network with firewall rules allowing SSH, RDP and ICMP from ' +
    'anywhere and all internal traffic. `auto_create_network` defaults to true; set it to false and create the ' +
    'networks you need.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ['google_project'],
  cis: ['cis-gcp:3.1'],
  nist: ['SC-7', 'CM-7'],
  remediation:
    'Do not create the default network:\n\n```hcl\nresource "google_project" "app" {\n' +
    '  auto_create_network = false\n}\n```',
  references: [
    `${TF_GOOGLE}/google_project`,
    'https://cloud.google.com/vpc/docs/vpc#default-network',
    CIS_GCP,
  ],
  *check(r) {
    const v = r.value.auto_create_network;
    if (unset(v) || isTrue(v))
      yield { message: 'the project gets the default network', at: ['auto_create_network'] };
  },
};
