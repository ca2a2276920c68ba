import { blocks, type IacResource, type IacValue } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { INSTANCES } from './compute-metadata.js';
import { CIS_GCP, isFalse, isTrue, strings, TF_GOOGLE, unset } from './values.js';

const DOCS = `${TF_GOOGLE}/compute_instance`;

export const ipForwarding: IacRule = {
  id: 'iac/gcp-compute-ip-forwarding',
  title: 'Instance can forward IP packets',
  description:
    'With IP forwarding an instance can send and receive packets for addresses that are not its own, ' +
    'bypassing the anti-spoofing checks of the VPC; only NAT and routing appliances need it.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: INSTANCES,
  cis: ['cis-gcp:4.6'],
  nist: ['SC-7', 'CM-7'],
  cwe: ['CWE-284'],
  remediation:
    'Disable IP forwarding unless the instance routes traffic:\n\n```hcl\nresource "google_compute_instance" "web" {\n' +
    '  can_ip_forward = false\n}\n```',
  references: [DOCS, 'https://cloud.google.com/vpc/docs/using-routes#canipforward', CIS_GCP],
  *check(r) {
    if (isTrue(r.value.can_ip_forward)) yield { message: 'IP forwarding is enabled', at: ['can_ip_forward'] };
  },
};

const FULL_SCOPE = new Set(['cloud-platform', 'https://www.googleapis.com/auth/cloud-platform']);
const isDefaultAccount = (email: IacValue | undefined) =>
  unset(email) ||
  email === 'default' ||
  (typeof email === 'string' && email.endsWith('-compute@developer.gserviceaccount.com'));

function* defaultAccountFullScope(r: IacResource): Iterable<Violation> {
  for (const [i, sa] of blocks(r.value, 'service_account').entries()) {
    if (!isDefaultAccount(sa.email)) continue;
    const scope = strings(sa.scopes).find((s) => FULL_SCOPE.has(s.value));
    if (scope)
      yield {
        message: 'uses the default service account with full access to all Cloud APIs',
        at: ['service_account', i, 'scopes', ...(scope.index === undefined ? [] : [scope.index])],
      };
  }
}

export const defaultServiceAccountFullScope: IacRule = {
  id: 'iac/gcp-compute-default-sa-full-scope',
  title: 'Instance runs as the default service account with full API access',
  description:
    'The Compute Engine default service account has the Editor role on the project; with the cloud-platform ' +
    'scope, anything running on the VM (or an SSRF reaching the metadata server) can modify almost every ' +
    'resource in the project.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: INSTANCES,
  cis: ['cis-gcp:4.2'],
  nist: ['AC-6', 'AC-6(1)'],
  cwe: ['CWE-250'],
  remediation:
    'Run the VM as a dedicated service account with only the roles it needs:\n\n```hcl\n' +
    'resource "google_compute_instance" "web" {\n  service_account {\n    email  = google_service_account.web.email\n' +
    '    scopes = ["cloud-platform"]\n  }\n}\n```',
  references: [
    DOCS,
    'https://cloud.google.com/compute/docs/access/service-accounts#default_service_account',
    CIS_GCP,
  ],
  check: defaultAccountFullScope,
};

export const shieldedVmDisabled: IacRule = {
  id: 'iac/gcp-compute-shielded-vm-disabled',
  title: 'Instance with Shielded VM protections turned off',
  description:
    'vTPM and integrity monitoring let Shielded VMs detect boot-level and kernel-level malware (rootkits, ' +
    'bootkits) by comparing boot measurements with a known-good baseline. Both are on by default.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: INSTANCES,
  cis: ['cis-gcp:4.8'],
  nist: ['SI-7'],
  cwe: ['CWE-693'],
  remediation:
    'Keep vTPM and integrity monitoring on, and enable secure boot:\n\n```hcl\nresource "google_compute_instance" "web" {\n' +
    '  shielded_instance_config {\n    enable_secure_boot          = true\n    enable_vtpm                 = true\n' +
    '    enable_integrity_monitoring = true\n  }\n}\n```',
  references: [DOCS, 'https://cloud.google.com/compute/shielded-vm/docs/shielded-vm', CIS_GCP],
  *check(r) {
    for (const [i, c] of blocks(r.value, 'shielded_instance_config').entries())
      for (const key of ['enable_vtpm', 'enable_integrity_monitoring'])
        if (isFalse(c[key])) yield { message: `${key} is false`, at: ['shielded_instance_config', i, key] };
  },
};

export const publicIp: IacRule = {
  id: 'iac/gcp-compute-public-ip',
  title: 'Instance with an external IP address',
  description:
    'An `access_config` block gives the instance an external IP address, putting every listening service ' +
    'one firewall rule away from the internet. Cloud NAT, load balancers and IAP cover most needs without it.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: INSTANCES,
  cis: ['cis-gcp:4.9'],
  nist: ['SC-7'],
  cwe: ['CWE-284'],
  remediation:
    'Remove the access_config block and use Cloud NAT or a load balancer:\n\n```hcl\n' +
    'resource "google_compute_instance" "web" {\n  network_interface {\n    subnetwork = google_compute_subnetwork.app.id\n' +
    '    # no access_config\n  }\n}\n```',
  references: [
    DOCS,
    'https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address',
    CIS_GCP,
  ],
  *check(r) {
    for (const [i, nic] of blocks(r.value, 'network_interface').entries())
      if (blocks(nic, 'access_config').length > 0)
        yield {
          message: 'the instance has an external IP address',
          at: ['network_interface', i, 'access_config'],
        };
  },
};
