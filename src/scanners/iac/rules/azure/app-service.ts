import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { CIS_AZURE, isFalse, isOldTls, isTrue, lower, TF_AZURERM, text, unset } from './values.js';

/** azurerm v2/v3 resources, removed in v4; their FTP default is the platform's (AllAllowed). */
const LEGACY = [
  'azurerm_app_service',
  'azurerm_app_service_slot',
  'azurerm_function_app',
  'azurerm_function_app_slot',
];
const CURRENT = ['linux', 'windows'].flatMap((os) =>
  ['web_app', 'function_app', 'web_app_slot', 'function_app_slot'].map((kind) => `azurerm_${os}_${kind}`),
);
const APPS = [...CURRENT, ...LEGACY];
const DOCS = `${TF_AZURERM}/linux_web_app`;

/** Each `site_config` block with its path. */
const siteConfigs = (r: IacResource): [IacObject, KeyPath][] =>
  blocks(r.value, 'site_config').map((b, i) => [b, ['site_config', i]]);

export const appServiceHttpsOnly: IacRule = {
  id: 'iac/azure-app-service-https-only',
  title: 'App Service accepts plain HTTP',
  description:
    'Unless `https_only` is set, the app also answers on HTTP, so sessions, tokens and form data can be read or ' +
    'altered in transit. `https_only` defaults to false.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: APPS,
  cis: ['cis-azure:9.2'],
  nist: ['SC-8', 'SC-8(1)'],
  cwe: ['CWE-319'],
  remediation:
    'Redirect HTTP to HTTPS:\n\n```hcl\nresource "azurerm_linux_web_app" "api" {\n  https_only = true\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https',
    CIS_AZURE,
  ],
  *check(r) {
    const v = r.value.https_only;
    if (unset(v) || isFalse(v)) yield { message: 'the app accepts plain HTTP', at: ['https_only'] };
  },
};

export const appServiceMinTls: IacRule = {
  id: 'iac/azure-app-service-min-tls',
  title: 'App Service accepts TLS versions older than 1.2',
  description:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and have known weaknesses; the app should refuse them.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: APPS,
  cis: ['cis-azure:9.3'],
  nist: ['SC-8', 'SC-13'],
  cwe: ['CWE-327'],
  remediation:
    'Require TLS 1.2 (the default):\n\n```hcl\nresource "azurerm_linux_web_app" "api" {\n  site_config {\n' +
    '    minimum_tls_version = "1.2" # min_tls_version on azurerm_app_service\n  }\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/app-service/overview-tls', CIS_AZURE],
  *check(r) {
    for (const [config, at] of siteConfigs(r))
      for (const key of ['minimum_tls_version', 'min_tls_version'])
        if (isOldTls(config[key])) yield { message: `${key} is ${text(config[key])}`, at: [...at, key] };
  },
};

function* ftpAllowed(r: IacResource): Iterable<Violation> {
  const configs = siteConfigs(r);
  for (const [config, at] of configs) {
    const state = config.ftps_state;
    if (lower(state) === 'allallowed')
      yield { message: 'plain FTP deployment is allowed', at: [...at, 'ftps_state'] };
    else if (unset(state) && LEGACY.includes(r.type))
      yield { message: 'ftps_state is not set and defaults to AllAllowed', at: [...at, 'ftps_state'] };
  }
  if (unset(r.value.site_config) && LEGACY.includes(r.type))
    yield { message: 'ftps_state is not set and defaults to AllAllowed', at: ['site_config'] };
}

export const appServiceFtp: IacRule = {
  id: 'iac/azure-app-service-ftp-allowed',
  title: 'App Service allows plain FTP deployment',
  description:
    'With FTP state AllAllowed, deployment credentials and code travel unencrypted. Use FtpsOnly, or Disabled ' +
    'when FTP is not used for deployment at all. The legacy azurerm_app_service and azurerm_function_app ' +
    'resources leave it at AllAllowed unless set.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: APPS,
  cis: ['cis-azure:9.10'],
  nist: ['SC-8', 'CM-7'],
  cwe: ['CWE-319'],
  remediation:
    'Disable FTP (or require FTPS):\n\n```hcl\nresource "azurerm_linux_web_app" "api" {\n  site_config {\n' +
    '    ftps_state = "Disabled" # or "FtpsOnly"\n  }\n}\n```',
  references: [DOCS, 'https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp', CIS_AZURE],
  check: ftpAllowed,
};

export const appServiceRemoteDebugging: IacRule = {
  id: 'iac/azure-app-service-remote-debugging',
  title: 'App Service with remote debugging enabled',
  description:
    'Remote debugging opens extra ports on the app and lets a debugger attach to the running process; left on ' +
    'in production it widens the attack surface and risks leaking memory contents.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: APPS,
  cis: [],
  nist: ['CM-7', 'AC-17'],
  cwe: ['CWE-489'],
  remediation:
    'Turn remote debugging off (the default):\n\n```hcl\nresource "azurerm_linux_web_app" "api" {\n' +
    '  site_config {\n    remote_debugging_enabled = false\n  }\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/visualstudio/debugger/remote-debugging-azure-app-service',
  ],
  *check(r) {
    for (const [config, at] of siteConfigs(r))
      if (isTrue(config.remote_debugging_enabled))
        yield { message: 'remote debugging is enabled', at: [...at, 'remote_debugging_enabled'] };
  },
};

export const appServiceManagedIdentity: IacRule = {
  id: 'iac/azure-app-service-no-managed-identity',
  title: 'App Service without a managed identity',
  description:
    'Without a managed identity an app reaches databases, storage and Key Vault with secrets kept in its ' +
    'settings, which leak and are rarely rotated. A managed identity gets tokens from Entra ID instead.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: APPS,
  cis: ['cis-azure:9.5'],
  nist: ['IA-5', 'IA-2'],
  cwe: ['CWE-798'],
  remediation:
    'Give the app an identity:\n\n```hcl\nresource "azurerm_linux_web_app" "api" {\n  identity {\n' +
    '    type = "SystemAssigned"\n  }\n}\n```',
  references: [
    DOCS,
    'https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity',
    CIS_AZURE,
  ],
  *check(r) {
    if (unset(r.value.identity)) yield { message: 'the app has no managed identity', at: ['identity'] };
  },
};
