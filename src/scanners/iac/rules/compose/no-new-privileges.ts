import { bool } from '../../model.js';
import { COMPOSE_REFERENCE, composeRule, interpolated, strings } from './service.js';

export const composeNoNewPrivileges = composeRule({
  id: 'iac/compose-no-new-privileges',
  title: 'Service allows privilege escalation (no-new-privileges not set)',
  description:
    'Without `no-new-privileges`, a process in the container can gain privileges through setuid/setgid ' +
    'binaries or file capabilities (su, sudo, ping…). Setting it makes such escalation impossible at no cost ' +
    'for almost every service.',
  severity: 'low',
  cis: [],
  nist: ['AC-6'],
  cwe: ['CWE-269'],
  remediation:
    'Set it:\n\n```yaml\nservices:\n  app:\n    security_opt:\n      - no-new-privileges:true\n```',
  references: [
    `${COMPOSE_REFERENCE}#security_opt`,
    'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
  ],
  *check(r) {
    if (bool(r.value.privileged) === true) return; // the privileged rule already reports worse
    if (Array.isArray(r.value.security_opt) && r.value.security_opt.some(interpolated)) return;
    const set = strings(r, 'security_opt').some((o) => {
      const m = /^no-new-privileges(?:[:=](.*))?$/i.exec(o.value.trim());
      return m !== null && (m[1] === undefined || bool(m[1]) === true);
    });
    if (!set) yield { message: 'no-new-privileges is not set', at: ['security_opt'] };
  },
});
