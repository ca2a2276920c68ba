import { get, type IacResource, type IacValue, isUnknown } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { CIS_GCP, flag, lower, TF_GOOGLE, unset } from './values.js';

export const INSTANCES = [
  'google_compute_instance',
  'google_compute_instance_template',
  'google_compute_region_instance_template',
];
const PROJECT = 'google_compute_project_metadata';
const ITEM = 'google_compute_project_metadata_item';

/** A metadata key's value on an instance or project metadata, or on a matching metadata item. */
function metadataValue(
  r: IacResource,
  key: string,
): { value: IacValue | undefined; at: (string | number)[] } | undefined {
  if (r.type === ITEM)
    return lower(r.value.key) === key ? { value: r.value.value, at: ['value'] } : undefined;
  if (isUnknown(r.value.metadata)) return undefined;
  return { value: get(r.value, ['metadata', key]), at: ['metadata', key] };
}

export const serialPortEnabled: IacRule = {
  id: 'iac/gcp-compute-serial-port-enabled',
  title: 'Interactive serial console access enabled',
  description:
    'The interactive serial console accepts connections from any IP address and is not restricted by VPC ' +
    'firewall rules; anyone with the right key or password can reach the VM console from the internet.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: [...INSTANCES, PROJECT, ITEM],
  cis: ['cis-gcp:4.5'],
  nist: ['CM-7', 'AC-17'],
  cwe: ['CWE-284'],
  remediation:
    'Leave the serial port disabled (the default):\n\n```hcl\nresource "google_compute_instance" "web" {\n' +
    '  metadata = {\n    serial-port-enable = "FALSE"\n  }\n}\n```',
  references: [
    `${TF_GOOGLE}/compute_instance`,
    'https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console',
    CIS_GCP,
  ],
  *check(r) {
    const m = metadataValue(r, 'serial-port-enable');
    if (m && flag(m.value) === true) yield { message: 'interactive serial port access is enabled', at: m.at };
  },
};

function* osLoginOff(r: IacResource): Iterable<Violation> {
  const m = metadataValue(r, 'enable-oslogin');
  if (!m || isUnknown(m.value)) return;
  const on = flag(m.value);
  // Instances inherit the project setting; a project without it has OS Login off.
  if (on === false) yield { message: 'OS Login is disabled', at: m.at };
  else if (r.type === PROJECT && on === undefined)
    yield { message: 'enable-oslogin is not set: OS Login is off for the project', at: m.at };
}

export const osLoginDisabled: IacRule = {
  id: 'iac/gcp-compute-os-login-disabled',
  title: 'OS Login disabled for a project or instance',
  description:
    'OS Login ties SSH access to IAM identities (with 2-step verification and central revocation) instead of ' +
    'SSH keys copied into metadata, which nobody reviews or rotates.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: [...INSTANCES, PROJECT, ITEM],
  cis: ['cis-gcp:4.4'],
  nist: ['IA-2', 'AC-2'],
  cwe: ['CWE-287'],
  remediation:
    'Enable OS Login project-wide:\n\n```hcl\nresource "google_compute_project_metadata_item" "oslogin" {\n' +
    '  key   = "enable-oslogin"\n  value = "TRUE"\n}\n```',
  references: [
    `${TF_GOOGLE}/compute_project_metadata`,
    'https://cloud.google.com/compute/docs/oslogin',
    CIS_GCP,
  ],
  check: osLoginOff,
};

export const projectSshKeysAllowed: IacRule = {
  id: 'iac/gcp-compute-project-ssh-keys',
  title: 'Instance accepts project-wide SSH keys',
  description:
    'Project-wide SSH keys let their holders log in to every instance of the project; one leaked key reaches ' +
    'them all. Blocking them limits an instance to its own keys (or to OS Login, which ignores metadata keys).',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: INSTANCES,
  cis: ['cis-gcp:4.3'],
  nist: ['AC-3', 'IA-5'],
  cwe: ['CWE-284'],
  remediation:
    'Block project-wide keys (or enable OS Login):\n\n```hcl\nresource "google_compute_instance" "web" {\n' +
    '  metadata = {\n    block-project-ssh-keys = "TRUE"\n  }\n}\n```',
  references: [
    `${TF_GOOGLE}/compute_instance`,
    'https://cloud.google.com/compute/docs/connect/restrict-ssh-keys',
    CIS_GCP,
  ],
  *check(r) {
    if (isUnknown(r.value.metadata)) return;
    const block = get(r.value, ['metadata', 'block-project-ssh-keys']);
    if (
      flag(block) === true ||
      isUnknown(block) ||
      flag(get(r.value, ['metadata', 'enable-oslogin'])) === true
    )
      return;
    yield {
      message: unset(block) ? 'block-project-ssh-keys is not set' : 'project-wide SSH keys are allowed',
      at: ['metadata', 'block-project-ssh-keys'],
    };
  },
};
