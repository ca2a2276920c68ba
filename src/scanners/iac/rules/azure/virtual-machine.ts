import { blocks } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { isFalse, TF_AZURERM } from './values.js';

export const vmPasswordAuthentication: IacRule = {
  id: 'iac/azure-vm-password-auth',
  title: 'Linux virtual machine allows SSH password authentication',
  description:
    'Password logins over SSH can be guessed and sprayed; key-based authentication cannot. The azurerm ' +
    'Linux VM resources disable passwords by default, so this is an explicit opt-out.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: [
    'azurerm_linux_virtual_machine',
    'azurerm_linux_virtual_machine_scale_set',
    'azurerm_virtual_machine',
  ],
  cis: [],
  nist: ['IA-2', 'IA-5(1)'],
  cwe: ['CWE-309'],
  remediation:
    'Use SSH keys only:\n\n```hcl\nresource "azurerm_linux_virtual_machine" "web" {\n' +
    '  disable_password_authentication = true\n  admin_ssh_key {\n    username   = "azureuser"\n' +
    '    public_key = file("~/.ssh/id_ed25519.pub")\n  }\n}\n```',
  references: [
    `${TF_AZURERM}/linux_virtual_machine`,
    'https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed',
  ],
  *check(r) {
    if (isFalse(r.value.disable_password_authentication))
      yield { message: 'SSH password authentication is enabled', at: ['disable_password_authentication'] };
    for (const [i, linux] of blocks(r.value, 'os_profile_linux_config').entries())
      if (isFalse(linux.disable_password_authentication))
        yield {
          message: 'SSH password authentication is enabled',
          at: ['os_profile_linux_config', i, 'disable_password_authentication'],
        };
  },
};

export const managedDiskEncryptionDisabled: IacRule = {
  id: 'iac/azure-managed-disk-encryption-disabled',
  title: 'Managed disk with Azure Disk Encryption turned off',
  description:
    'A managed disk whose encryption settings are explicitly disabled does not get Azure Disk Encryption ' +
    '(BitLocker / dm-crypt with keys in Key Vault), so its contents rely on platform-managed keys alone and ' +
    'are readable from a copied snapshot within the subscription.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: ['azurerm_managed_disk'],
  cis: [],
  nist: ['SC-28', 'SC-28(1)'],
  cwe: ['CWE-311'],
  remediation:
    'Enable disk encryption with keys in Key Vault (or a disk encryption set):\n\n```hcl\n' +
    'resource "azurerm_managed_disk" "data" {\n  encryption_settings {\n    disk_encryption_key {\n' +
    '      secret_url      = azurerm_key_vault_secret.disk.id\n      source_vault_id = azurerm_key_vault.main.id\n' +
    '    }\n  }\n}\n```',
  references: [
    `${TF_AZURERM}/managed_disk`,
    'https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption-overview',
  ],
  *check(r) {
    for (const [i, settings] of blocks(r.value, 'encryption_settings').entries())
      if (isFalse(settings.enabled))
        yield { message: 'disk encryption is disabled', at: ['encryption_settings', i, 'enabled'] };
  },
};
