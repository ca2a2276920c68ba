import { blocks } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { isTrue, lower, TF_AZURERM } from './values.js';

export const activityLogRetention: IacRule = {
  id: 'iac/azure-activity-log-retention',
  title: 'Activity log profile keeps logs less than a year',
  description:
    'The activity log records who changed what in the subscription. Investigations often reach back months; ' +
    'a log profile deleting records before 365 days loses that history (0 days keeps them forever).',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: ['azurerm_monitor_log_profile'],
  cis: [],
  nist: ['AU-11'],
  cwe: ['CWE-778'],
  remediation:
    'Keep a year or more (or export with a diagnostic setting to a retained workspace):\n\n```hcl\n' +
    'resource "azurerm_monitor_log_profile" "main" {\n  retention_policy {\n    enabled = true\n    days    = 365\n' +
    '  }\n}\n```',
  references: [
    `${TF_AZURERM}/monitor_log_profile`,
    'https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log',
  ],
  *check(r) {
    for (const [i, policy] of blocks(r.value, 'retention_policy').entries()) {
      const days = policy.days;
      if (isTrue(policy.enabled) && typeof days === 'number' && days > 0 && days < 365)
        yield { message: `activity logs are kept ${days} days`, at: ['retention_policy', i, 'days'] };
    }
  },
};

export const defenderFreeTier: IacRule = {
  id: 'iac/azure-defender-free-tier',
  title: 'Microsoft Defender for Cloud plan on the Free tier',
  description:
    'The Free tier gives only posture recommendations; the Standard tier of a Defender plan adds threat ' +
    'detection, vulnerability assessment and alerts for that resource type (servers, databases, storage, ' +
    'containers, Key Vault...).',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_security_center_subscription_pricing'],
  cis: [],
  nist: ['SI-4', 'RA-5'],
  remediation:
    'Use the Standard tier:\n\n```hcl\nresource "azurerm_security_center_subscription_pricing" "servers" {\n' +
    '  tier          = "Standard"\n  resource_type = "VirtualMachines"\n}\n```',
  references: [
    `${TF_AZURERM}/security_center_subscription_pricing`,
    'https://learn.microsoft.com/en-us/azure/defender-for-cloud/defender-for-cloud-introduction',
  ],
  *check(r) {
    if (lower(r.value.tier) === 'free')
      yield {
        message: `the ${typeof r.value.resource_type === 'string' ? r.value.resource_type : 'VirtualMachines'} plan is on the Free tier`,
        at: ['tier'],
      };
  },
};
