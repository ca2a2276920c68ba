import { CIS_DOCKER, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck } from './types.js';

const rule = hardeningRule({
  id: 'container/healthcheck-missing',
  title: 'Image declares no HEALTHCHECK',
  description:
    'The image config has no Healthcheck. Docker and Swarm then only know whether the process exists, not ' +
    'whether it works: a hung service keeps receiving traffic and is never restarted. Kubernetes ignores ' +
    'HEALTHCHECK and uses probes; for images that only run there, `HEALTHCHECK NONE` says so explicitly and ' +
    'is not reported (as with the Dockerfile rule). Images read as a bare root filesystem have no config ' +
    'and are not judged.',
  severity: 'low',
  cis: ['cis-docker:4.6'],
  nist: ['SI-4', 'CP-10'],
  remediation:
    'Declare how to check the service (a distroless image has no curl: use a health sub-command of the ' +
    'application itself):\n\n```dockerfile\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 \\\n' +
    '  CMD ["/app", "healthcheck"]\n```',
  references: [`${DOCKERFILE_REFERENCE}#healthcheck`, CIS_DOCKER],
});

export const healthcheckMissing: HardeningCheck = {
  rule,
  check(input) {
    if (!input.config) return [];
    // `HEALTHCHECK NONE` is the explicit opt-out the Dockerfile rule recommends: a decision, not an omission.
    if ((input.config.healthcheck?.test ?? []).length > 0) return [];
    const message =
      'the image config declares no HEALTHCHECK: nothing tells a hung service from a working one';
    return [{ ruleId: rule.id, message, location: 'config:Healthcheck', key: 'config:Healthcheck' }];
  },
};
