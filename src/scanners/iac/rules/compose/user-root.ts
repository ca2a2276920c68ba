import { COMPOSE_REFERENCE, composeRule, text } from './service.js';

export const composeUserRoot = composeRule({
  id: 'iac/compose-user-root',
  title: 'Service explicitly runs as root',
  description:
    '`user: root` (or `0`) overrides a non-root USER the image may set, so the service process runs as root ' +
    'in the container: any compromise gets root’s power over mounted volumes, and a container escape lands ' +
    'as root on the host.',
  severity: 'medium',
  cis: [],
  nist: ['AC-6'],
  cwe: ['CWE-250'],
  remediation: 'Run as an unprivileged user:\n\n```yaml\nservices:\n  app:\n    user: "10001:10001"\n```',
  references: [`${COMPOSE_REFERENCE}#user`],
  *check(r) {
    const user = text(r.value.user);
    if (user !== undefined && /^(root|0)(:|$)/.test(user.trim()))
      yield { message: `user: ${user}`, at: ['user'] };
  },
});
