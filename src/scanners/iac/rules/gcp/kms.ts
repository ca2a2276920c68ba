import type { IacRule } from '../../rule.js';
import { grants, iamTypes, isPublic, roleName } from './iam-grants.js';
import { CIS_GCP, lower, TF_GOOGLE, unset } from './values.js';

const NINETY_DAYS = 90 * 24 * 3600;

/** Seconds of a duration such as "7776000s"; undefined when not a literal duration. */
function seconds(v: unknown): number | undefined {
  const m = typeof v === 'string' ? /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

export const kmsRotation: IacRule = {
  id: 'iac/gcp-kms-rotation',
  title: 'Cloud KMS key not rotated at least every 90 days',
  description:
    'Rotating a symmetric key limits how much data one key version protects and how long a compromised ' +
    'version stays useful. Without `rotation_period` the key is never rotated automatically.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['google_kms_crypto_key'],
  cis: ['cis-gcp:1.10'],
  nist: ['SC-12'],
  cwe: ['CWE-324'],
  remediation:
    'Rotate at least every 90 days:\n\n```hcl\nresource "google_kms_crypto_key" "data" {\n' +
    '  rotation_period = "7776000s" # 90 days\n}\n```',
  references: [`${TF_GOOGLE}/kms_crypto_key`, 'https://cloud.google.com/kms/docs/key-rotation', CIS_GCP],
  *check(r) {
    // Only symmetric encryption keys can rotate automatically.
    const purpose = r.value.purpose;
    if (!unset(purpose) && lower(purpose) !== 'encrypt_decrypt') return;
    const period = r.value.rotation_period;
    const s = seconds(period);
    if (unset(period)) yield { message: 'the key is never rotated', at: ['rotation_period'] };
    else if (s !== undefined && s > NINETY_DAYS)
      yield { message: `rotation_period ${period} is longer than 90 days`, at: ['rotation_period'] };
  },
};

export const kmsPublicKey: IacRule = {
  id: 'iac/gcp-kms-public-key',
  title: 'Cloud KMS key or key ring accessible to anyone',
  description:
    'Granting a role on a key or key ring to allUsers or allAuthenticatedUsers lets anyone use or manage the ' +
    'keys: decrypting protected data, or destroying key versions.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: [...iamTypes('google_kms_crypto_key'), ...iamTypes('google_kms_key_ring')],
  cis: ['cis-gcp:1.9'],
  nist: ['AC-3', 'AC-6', 'SC-12'],
  cwe: ['CWE-284'],
  remediation:
    'Grant key roles to named service accounts only:\n\n```hcl\nresource "google_kms_crypto_key_iam_member" "app" {\n' +
    '  crypto_key_id = google_kms_crypto_key.data.id\n  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"\n' +
    '  member        = "serviceAccount:${google_service_account.app.email}"\n}\n```',
  references: [`${TF_GOOGLE}/kms_crypto_key_iam`, 'https://cloud.google.com/kms/docs/iam', CIS_GCP],
  *check(r, ctx) {
    for (const g of grants(r, ctx))
      if (isPublic(g.member))
        yield { message: `grants ${roleName(g.role)} to ${g.member}`, at: g.at, subject: g.member };
  },
};
