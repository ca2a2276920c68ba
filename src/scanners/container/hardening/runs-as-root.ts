import { CIS_DOCKER, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import { configOrigin, setBy } from './origin.js';
import { hardeningRule } from './rule.js';
import { PASSWD, runAs } from './run-as.js';
import type { HardeningCheck } from './types.js';

const rule = hardeningRule({
  id: 'container/runs-as-root',
  title: 'Container image runs as root',
  description:
    'The image config sets no User, or a user that is root (`root`, `0`, `0:0`, or a name its own ' +
    '`etc/passwd` maps to uid 0). The container process then runs as root unless the platform overrides ' +
    'it: a compromised process holds root inside the container, can rewrite everything the image ships, ' +
    'and any container escape or writable host mount becomes a root compromise of the host. Images read ' +
    'as a bare root filesystem have no config and are not judged.',
  severity: 'high',
  cis: ['cis-docker:4.1'],
  nist: ['AC-6', 'CM-7'],
  cwe: ['CWE-250'],
  remediation:
    'Create an unprivileged user and switch to it at the end of the final stage (distroless and Chainguard ' +
    'images already ship `nonroot`, uid 65532):\n\n' +
    '```dockerfile\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\n' +
    'USER 10001:10001\n```\n\nA numeric uid lets Kubernetes verify `runAsNonRoot` without reading `etc/passwd`.',
  references: [`${DOCKERFILE_REFERENCE}#user`, CIS_DOCKER],
});

export const runsAsRoot: HardeningCheck = {
  rule,
  wants: (path) => path === PASSWD,
  check(input) {
    const who = runAs(input);
    if (!who?.root) return [];
    const origin = who.user === '' ? {} : configOrigin(input, (line) => /^USER\s/i.test(line));
    return [
      {
        ruleId: rule.id,
        message: `${who.why}${setBy(origin)}: a compromised process holds root in the container`,
        location: 'config:User',
        key: 'config:User',
        ...origin,
      },
    ];
  },
};
