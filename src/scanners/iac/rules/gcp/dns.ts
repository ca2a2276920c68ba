import { blocks, isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { CIS_GCP, lower, TF_GOOGLE, unset } from './values.js';

const ZONE = ['google_dns_managed_zone'];
const REFERENCES = [
  `${TF_GOOGLE}/dns_managed_zone`,
  'https://cloud.google.com/dns/docs/dnssec-config',
  CIS_GCP,
];

export const dnsDnssecDisabled: IacRule = {
  id: 'iac/gcp-dns-dnssec-disabled',
  title: 'Public Cloud DNS zone without DNSSEC',
  description:
    'Without DNSSEC, resolvers cannot verify the zone answers, so cache poisoning and spoofed responses can ' +
    'redirect users and mail to an attacker. DNSSEC is off unless `dnssec_config` turns it on.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ZONE,
  cis: ['cis-gcp:3.3'],
  nist: ['SC-20'],
  cwe: ['CWE-350'],
  remediation:
    'Turn DNSSEC on:\n\n```hcl\nresource "google_dns_managed_zone" "public" {\n  dnssec_config {\n' +
    '    state = "on"\n  }\n}\n```',
  references: REFERENCES,
  *check(r) {
    const visibility = r.value.visibility;
    // Private zones cannot be signed.
    if (isUnknown(visibility) || lower(visibility) === 'private') return;
    if (unset(r.value.dnssec_config)) {
      yield { message: 'DNSSEC is not enabled', at: ['dnssec_config'] };
      return;
    }
    for (const [i, c] of blocks(r.value, 'dnssec_config').entries())
      if (lower(c.state) === 'off') yield { message: 'DNSSEC is off', at: ['dnssec_config', i, 'state'] };
  },
};

export const dnsRsaSha1: IacRule = {
  id: 'iac/gcp-dns-rsasha1',
  title: 'Cloud DNS zone signed with RSASHA1',
  description:
    'RSASHA1 relies on SHA-1, for which practical collisions exist; it is deprecated for DNSSEC signing ' +
    '(RFC 8624). Use RSASHA256 or ECDSAP256SHA256 for both key-signing and zone-signing keys.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ZONE,
  cis: ['cis-gcp:3.4', 'cis-gcp:3.5'],
  nist: ['SC-20', 'SC-13'],
  cwe: ['CWE-327'],
  remediation:
    'Sign with a current algorithm:\n\n```hcl\nresource "google_dns_managed_zone" "public" {\n  dnssec_config {\n' +
    '    state = "on"\n    default_key_specs {\n      algorithm  = "ecdsap256sha256"\n      key_type   = "keySigning"\n' +
    '    }\n    default_key_specs {\n      algorithm  = "ecdsap256sha256"\n      key_type   = "zoneSigning"\n' +
    '    }\n  }\n}\n```',
  references: REFERENCES,
  *check(r) {
    for (const [i, c] of blocks(r.value, 'dnssec_config').entries())
      for (const [j, spec] of blocks(c, 'default_key_specs').entries())
        if (lower(spec.algorithm) === 'rsasha1')
          yield {
            message: `the ${typeof spec.key_type === 'string' ? spec.key_type : 'DNSSEC'} key uses RSASHA1`,
            at: ['dnssec_config', i, 'default_key_specs', j, 'algorithm'],
            subject: `key ${typeof spec.key_type === 'string' ? spec.key_type : j}`,
          };
  },
};
