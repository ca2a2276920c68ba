import type { IacRule } from '../../rule.js';
import { CIS_AZURE, isFalse, isTrue, lower, TF_AZURERM, unset } from './values.js';

const ACCOUNT = ['azurerm_storage_account'];
const DOCS = `${TF_AZURERM}/storage_account`;

export const storageHttpsOnly: IacRule = {
  id: 'iac/azure-storage-https-only',
  title: 'Storage account accepts plain HTTP',
  description:
    'With secure transfer disabled the storage account serves blob, file, queue and table requests over plain ' +
    'HTTP, so account keys, SAS tokens and data cross the network unencrypted and can be read or altered.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: ACCOUNT,
  cis: ['cis-azure:3.1'],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  remediation:
    'Leave secure transfer on (the default):\n\n```hcl\nresource "azurerm_storage_account" "logs" {\n' +
    '  https_traffic_only_enabled = true # enable_https_traffic_only before azurerm v4\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer',
  ],
  *check(r) {
    for (const key of ['https_traffic_only_enabled', 'enable_https_traffic_only'])
      if (isFalse(r.value[key]))
        yield { message: `${key} is false: the account accepts unencrypted HTTP requests`, at: [key] };
  },
};

export const storageMinTls: IacRule = {
  id: 'iac/azure-storage-min-tls',
  title: 'Storage account accepts TLS versions older than 1.2',
  description:
    'TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996). A storage account whose minimum TLS ' +
    'version is below 1.2 lets clients negotiate them.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ACCOUNT,
  cis: ['cis-azure:3.15'],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  remediation:
    'Require TLS 1.2 (the default since azurerm v3):\n\n```hcl\nresource "azurerm_storage_account" "logs" {\n' +
    '  min_tls_version = "TLS1_2"\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version',
  ],
  *check(r) {
    const v = lower(r.value.min_tls_version);
    if (v === 'tls1_0' || v === 'tls1_1')
      yield {
        message: `min_tls_version is ${r.value.min_tls_version}: TLS 1.2 should be the minimum`,
        at: ['min_tls_version'],
      };
  },
};

export const storagePublicBlobAccess: IacRule = {
  id: 'iac/azure-storage-public-blob-access',
  title: 'Storage account allows anonymous access to blobs',
  description:
    'When an account allows nested items to be public, any container in it can be switched to anonymous read ' +
    'access, and one misconfigured container exposes its blobs to the internet. azurerm v3 and v4 default ' +
    '`allow_nested_items_to_be_public` to true, so it must be set to false explicitly.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: ACCOUNT,
  cis: ['cis-azure:3.7'],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-284'],
  remediation:
    'Disallow public containers at the account level:\n\n```hcl\nresource "azurerm_storage_account" "logs" {\n' +
    '  allow_nested_items_to_be_public = false\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent'],
  *check(r) {
    const current = r.value.allow_nested_items_to_be_public;
    const legacy = r.value.allow_blob_public_access;
    if (isTrue(current))
      yield { message: 'allow_nested_items_to_be_public is true', at: ['allow_nested_items_to_be_public'] };
    else if (isTrue(legacy))
      yield { message: 'allow_blob_public_access is true', at: ['allow_blob_public_access'] };
    else if (unset(current) && unset(legacy))
      yield {
        message:
          'allow_nested_items_to_be_public is not set and defaults to true: containers may be made public',
        at: ['allow_nested_items_to_be_public'],
      };
  },
};

export const storageInfrastructureEncryption: IacRule = {
  id: 'iac/azure-storage-infrastructure-encryption',
  title: 'Storage account without infrastructure (double) encryption',
  description:
    'Infrastructure encryption adds a second layer of AES-256 encryption with a different key at the ' +
    'infrastructure level, protecting data if one algorithm or key is compromised. It can only be chosen when ' +
    'the account is created.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ACCOUNT,
  cis: ['cis-azure:3.2'],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  remediation:
    'Enable it when creating the account (changing it recreates the account):\n\n```hcl\n' +
    'resource "azurerm_storage_account" "logs" {\n  infrastructure_encryption_enabled = true\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable',
  ],
  *check(r) {
    const v = r.value.infrastructure_encryption_enabled;
    if (unset(v) || isFalse(v))
      yield {
        message: 'infrastructure encryption is not enabled',
        at: ['infrastructure_encryption_enabled'],
      };
  },
};

export const storageSharedKeyAccess: IacRule = {
  id: 'iac/azure-storage-shared-key-access',
  title: 'Storage account accepts Shared Key authorization',
  description:
    'Shared Key authorization lets anyone holding an account key (or a SAS signed with it) act with full ' +
    'rights, without an identity, conditional access or a useful audit trail. Entra ID authorization can ' +
    'replace it; `shared_access_key_enabled` defaults to true.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ACCOUNT,
  cis: [],
  nist: ['IA-2', 'AC-2'],
  cwe: ['CWE-287'],
  remediation:
    'Disable Shared Key and authorize with Entra ID (set `storage_use_azuread = true` in the provider):' +
    '\n\n```hcl\nresource "azurerm_storage_account" "logs" {\n  shared_access_key_enabled = false\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent',
  ],
  *check(r) {
    const v = r.value.shared_access_key_enabled;
    if (unset(v) || isTrue(v))
      yield { message: 'Shared Key authorization is enabled', at: ['shared_access_key_enabled'] };
  },
};

export const storageContainerPublic: IacRule = {
  id: 'iac/azure-storage-container-public',
  title: 'Storage container allows anonymous read access',
  description:
    'A container with access type `blob` lets anyone on the internet read its blobs by URL; `container` also ' +
    'lets them list every blob. Data meant to be public is better served through a CDN or SAS tokens.',
  severity: 'high',
  platform: 'terraform',
  resourceTypes: ['azurerm_storage_container'],
  cis: ['cis-azure:3.7'],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-284'],
  remediation:
    'Keep the container private (the default):\n\n```hcl\nresource "azurerm_storage_container" "data" {\n' +
    '  container_access_type = "private"\n}\n```',
  references: [
    `${TF_AZURERM}/storage_container`,
    'https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure',
    CIS_AZURE,
  ],
  *check(r) {
    const v = lower(r.value.container_access_type);
    if (v === 'blob' || v === 'container')
      yield {
        message: `container_access_type is ${r.value.container_access_type}: anyone can read its blobs`,
        at: ['container_access_type'],
      };
  },
};
