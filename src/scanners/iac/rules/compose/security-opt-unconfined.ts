import { COMPOSE_REFERENCE, composeRule, strings } from './service.js';

const UNCONFINED = /^(seccomp|apparmor|systempaths)[:=]unconfined$|^label[:=]disable$/i;

export const composeSecurityOptUnconfined = composeRule({
  id: 'iac/compose-security-opt-unconfined',
  title: 'Service disables seccomp, AppArmor or SELinux confinement',
  description:
    'The default seccomp profile blocks dozens of dangerous system calls and the AppArmor/SELinux profiles ' +
    'restrict what a container may touch on the host. `seccomp:unconfined`, `apparmor:unconfined` or ' +
    '`label:disable` remove that layer, widening the kernel attack surface a compromised process can use.',
  severity: 'high',
  cis: [],
  nist: ['SC-39', 'AC-6'],
  remediation:
    'Keep the default profiles, or write a custom profile that allows only the extra calls needed:\n\n```yaml\n' +
    'services:\n  app:\n    security_opt:\n      - seccomp:./seccomp-app.json\n      - no-new-privileges:true\n```',
  references: [`${COMPOSE_REFERENCE}#security_opt`, 'https://docs.docker.com/engine/security/seccomp/'],
  *check(r) {
    for (const o of strings(r, 'security_opt'))
      if (UNCONFINED.test(o.value.trim()))
        yield { message: `security_opt ${o.value} removes confinement`, at: o.at, subject: o.value };
  },
});
