import type { IacRule } from '../../rule.js';
import { bigqueryPublicDataset } from './bigquery.js';
import {
  defaultServiceAccountFullScope,
  ipForwarding,
  publicIp,
  shieldedVmDisabled,
} from './compute-instance.js';
import { osLoginDisabled, projectSshKeysAllowed, serialPortEnabled } from './compute-metadata.js';
import { dnsDnssecDisabled, dnsRsaSha1 } from './dns.js';
import {
  firewallAllPortsOpen,
  firewallDatabaseOpen,
  firewallRdpOpen,
  firewallSshOpen,
} from './firewall-rules.js';
import {
  gkeLegacyAbac,
  gkeLegacyClientAuth,
  gkeMasterAuthorizedNetworks,
  gkeNetworkPolicy,
  gkePrivateNodes,
  gkeShieldedNodes,
  gkeWorkloadIdentity,
} from './gke-cluster.js';
import { gkeLegacyMetadataEndpoints, gkeNodeAutoUpgrade } from './gke-nodes.js';
import {
  iamBasicRoleToUsers,
  iamServiceAccountAdmin,
  iamServiceAccountImpersonation,
  iamServiceAccountKey,
} from './iam.js';
import { kmsPublicKey, kmsRotation } from './kms.js';
import { networkAutoSubnets, projectDefaultNetwork, subnetFlowLogs } from './network.js';
import { sqlBackupsDisabled, sqlOpenAuthorizedNetwork, sqlPublicIp, sqlSslNotRequired } from './sql.js';
import { sqlMysqlLocalInfile, sqlPostgresConnectionLogging } from './sql-flags.js';
import { storagePublicAccess, storagePublicAccessPrevention, storageUniformAccess } from './storage.js';

/** Data sources share their type with the resource they read: rules judge only what the configuration creates. */
const managedOnly = (rule: IacRule): IacRule => ({
  ...rule,
  check: (r, ctx) => (r.kind === 'resource' ? rule.check(r, ctx) : []),
});

/** Google Cloud (google provider) rules for Terraform. */
export const GCP_RULES: readonly IacRule[] = [
  storageUniformAccess,
  storagePublicAccess,
  storagePublicAccessPrevention,
  bigqueryPublicDataset,
  kmsRotation,
  kmsPublicKey,
  iamBasicRoleToUsers,
  iamServiceAccountAdmin,
  iamServiceAccountImpersonation,
  iamServiceAccountKey,
  firewallSshOpen,
  firewallRdpOpen,
  firewallDatabaseOpen,
  firewallAllPortsOpen,
  subnetFlowLogs,
  networkAutoSubnets,
  projectDefaultNetwork,
  dnsDnssecDisabled,
  dnsRsaSha1,
  sqlOpenAuthorizedNetwork,
  sqlPublicIp,
  sqlSslNotRequired,
  sqlBackupsDisabled,
  sqlPostgresConnectionLogging,
  sqlMysqlLocalInfile,
  gkeLegacyAbac,
  gkeMasterAuthorizedNetworks,
  gkePrivateNodes,
  gkeNetworkPolicy,
  gkeWorkloadIdentity,
  gkeShieldedNodes,
  gkeLegacyClientAuth,
  gkeNodeAutoUpgrade,
  gkeLegacyMetadataEndpoints,
  serialPortEnabled,
  projectSshKeysAllowed,
  osLoginDisabled,
  ipForwarding,
  defaultServiceAccountFullScope,
  shieldedVmDisabled,
  publicIp,
].map(managedOnly);
