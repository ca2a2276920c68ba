import type { IacRule } from '../../rule.js';
import {
  aksAzurePolicy,
  aksLocalAccounts,
  aksNetworkPolicy,
  aksPublicApiServer,
  aksRbacDisabled,
} from './aks.js';
import {
  appServiceFtp,
  appServiceHttpsOnly,
  appServiceManagedIdentity,
  appServiceMinTls,
  appServiceRemoteDebugging,
} from './app-service.js';
import { registryAdminEnabled, registryPublicAccess } from './container-registry.js';
import { cosmosDbPublicAccess } from './cosmos-db.js';
import { databaseFirewallAllIps } from './database-firewall.js';
import { databaseMinTls, databasePublicAccess, databaseSslDisabled } from './database-servers.js';
import {
  keyVaultKeyExpiration,
  keyVaultNetworkOpen,
  keyVaultPurgeProtection,
  keyVaultSecretExpiration,
  keyVaultSoftDeleteRetention,
} from './key-vault.js';
import { activityLogRetention, defenderFreeTier } from './monitoring.js';
import { nsgAllPortsOpen, nsgDatabaseOpen, nsgRdpOpen, nsgSshOpen } from './nsg-rules.js';
import { sqlAuditingDisabled, sqlAuditRetention } from './sql-auditing.js';
import {
  sqlAadAdmin,
  sqlMinTls,
  sqlPublicNetworkAccess,
  sqlTransparentDataEncryption,
} from './sql-server.js';
import {
  storageContainerPublic,
  storageHttpsOnly,
  storageInfrastructureEncryption,
  storageMinTls,
  storagePublicBlobAccess,
  storageSharedKeyAccess,
} from './storage-account.js';
import { storageNetworkOpen } from './storage-network.js';
import { managedDiskEncryptionDisabled, vmPasswordAuthentication } from './virtual-machine.js';

/** Data sources share their type with the resource they read: rules judge only what the configuration creates. */
const managedOnly = (rule: IacRule): IacRule => ({
  ...rule,
  check: (r, ctx) => (r.kind === 'resource' ? rule.check(r, ctx) : []),
});

/** Azure (azurerm provider) rules for Terraform. */
export const AZURE_RULES: readonly IacRule[] = [
  storageHttpsOnly,
  storageMinTls,
  storagePublicBlobAccess,
  storageNetworkOpen,
  storageInfrastructureEncryption,
  storageSharedKeyAccess,
  storageContainerPublic,
  nsgSshOpen,
  nsgRdpOpen,
  nsgDatabaseOpen,
  nsgAllPortsOpen,
  sqlPublicNetworkAccess,
  databaseFirewallAllIps,
  sqlAuditingDisabled,
  sqlAuditRetention,
  sqlTransparentDataEncryption,
  sqlMinTls,
  sqlAadAdmin,
  databaseSslDisabled,
  databaseMinTls,
  databasePublicAccess,
  keyVaultPurgeProtection,
  keyVaultSoftDeleteRetention,
  keyVaultNetworkOpen,
  keyVaultKeyExpiration,
  keyVaultSecretExpiration,
  aksRbacDisabled,
  aksPublicApiServer,
  aksNetworkPolicy,
  aksLocalAccounts,
  aksAzurePolicy,
  appServiceHttpsOnly,
  appServiceMinTls,
  appServiceFtp,
  appServiceRemoteDebugging,
  appServiceManagedIdentity,
  vmPasswordAuthentication,
  managedDiskEncryptionDisabled,
  cosmosDbPublicAccess,
  registryAdminEnabled,
  registryPublicAccess,
  activityLogRetention,
  defenderFreeTier,
].map(managedOnly);
