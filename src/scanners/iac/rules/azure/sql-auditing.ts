import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { CIS_AZURE, isFalse, TF_AZURERM, unset } from './values.js';

const SERVER_POLICY = 'azurerm_mssql_server_extended_auditing_policy';
const REFERENCES = [
  `${TF_AZURERM}/mssql_server_extended_auditing_policy`,
  'https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview',
  CIS_AZURE,
];

export const sqlAuditingDisabled: IacRule = {
  id: 'iac/azure-sql-auditing-disabled',
  title: 'Azure SQL server without auditing',
  description:
    'Server auditing records logins, queries and permission changes on every database of the server. ' +
    'Without it there is no trail to detect an intrusion or to investigate one afterwards.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_mssql_server', 'azurerm_sql_server', SERVER_POLICY],
  cis: ['cis-azure:4.1.1'],
  nist: ['AU-2', 'AU-12'],
  cwe: ['CWE-778'],
  remediation:
    'Attach an auditing policy to the server:\n\n```hcl\nresource "azurerm_mssql_server_extended_auditing_policy" "main" {\n' +
    '  server_id              = azurerm_mssql_server.main.id\n  log_monitoring_enabled = true\n}\n```',
  references: REFERENCES,
  *check(r, ctx) {
    if (r.type === SERVER_POLICY) {
      if (isFalse(r.value.enabled)) yield { message: 'the auditing policy is disabled', at: ['enabled'] };
      return;
    }
    if (!unset(r.value.extended_auditing_policy)) return;
    if (ctx.referencing(r, SERVER_POLICY, 'server_id').length > 0) return;
    yield { message: 'no auditing policy is attached to the server', at: ['extended_auditing_policy'] };
  },
};

function* shortRetention(policy: IacObject, at: KeyPath): Iterable<Violation> {
  const days = policy.retention_in_days;
  // 0 (the default) keeps audit records forever.
  if (typeof days === 'number' && days > 0 && days < 90)
    yield { message: `audit records are kept ${days} days, fewer than 90`, at: [...at, 'retention_in_days'] };
}

function policies(r: IacResource): [IacObject, KeyPath][] {
  if (r.type.endsWith('_extended_auditing_policy')) return [[r.value, []]];
  return blocks(r.value, 'extended_auditing_policy').map((b, i) => [b, ['extended_auditing_policy', i]]);
}

export const sqlAuditRetention: IacRule = {
  id: 'iac/azure-sql-audit-retention',
  title: 'Azure SQL audit records kept fewer than 90 days',
  description:
    'Intrusions are often found weeks after they started; audit records deleted after a few days cannot show ' +
    'how an attacker got in or what they read. Keep them at least 90 days (0 keeps them forever).',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: [
    SERVER_POLICY,
    'azurerm_mssql_database_extended_auditing_policy',
    'azurerm_mssql_server',
    'azurerm_sql_server',
    'azurerm_mssql_database',
    'azurerm_sql_database',
  ],
  cis: ['cis-azure:4.1.6'],
  nist: ['AU-11'],
  cwe: ['CWE-778'],
  remediation:
    'Keep audit records 90 days or more:\n\n```hcl\nresource "azurerm_mssql_server_extended_auditing_policy" "main" {\n' +
    '  server_id         = azurerm_mssql_server.main.id\n  retention_in_days = 90\n}\n```',
  references: REFERENCES,
  *check(r) {
    for (const [policy, at] of policies(r)) yield* shortRetention(policy, at);
  },
};
