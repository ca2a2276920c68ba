import { COMPOSE_REFERENCE, composeRule, strings } from './service.js';

/** Capabilities that amount to root on the host or defeat the container's isolation. */
const DANGEROUS = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'BPF',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

export const composeCapAddDangerous = composeRule({
  id: 'iac/compose-cap-add-dangerous',
  title: 'Service adds a dangerous Linux capability',
  description:
    'Capabilities such as SYS_ADMIN (mount, namespaces, most of root), SYS_MODULE (load kernel modules), ' +
    'SYS_PTRACE (read other processes’ memory), NET_ADMIN (reconfigure networking, sniff traffic) or ALL ' +
    'give the container powers that are one step from a host escape.',
  severity: 'high',
  cis: [],
  nist: ['AC-6', 'SC-39'],
  cwe: ['CWE-250'],
  remediation:
    'Drop everything and add back only the narrow capability the service needs:\n\n```yaml\nservices:\n' +
    '  app:\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n```',
  references: [`${COMPOSE_REFERENCE}#cap_add`, 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  *check(r) {
    for (const c of strings(r, 'cap_add')) {
      const name = c.value.toUpperCase().replace(/^CAP_/, '');
      if (DANGEROUS.has(name)) yield { message: `cap_add: ${name}`, at: c.at, subject: `cap ${name}` };
    }
  },
});
