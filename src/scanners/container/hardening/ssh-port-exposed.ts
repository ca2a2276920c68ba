import { CIS_DOCKER, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import { exposedPorts, exposeStep, exposesSsh } from './exposed-ports.js';
import { configOrigin, setBy } from './origin.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck } from './types.js';

const rule = hardeningRule({
  id: 'container/ssh-port-exposed',
  title: 'Image exposes the SSH port (22)',
  description:
    'The image declares TCP port 22: it is meant to run an SSH server. That is another network service, ' +
    'another set of credentials or keys baked into or managed for the container, and a way in that bypasses ' +
    'the orchestrator’s access control and audit. `docker exec` and `kubectl exec` give a shell without it.',
  severity: 'medium',
  cis: ['cis-docker:5.7'],
  nist: ['CM-7', 'AC-17'],
  remediation:
    'Remove the SSH server and the EXPOSE; get a shell through the runtime:\n\n```dockerfile\nEXPOSE 8080\n```\n\n' +
    '(`docker exec -it <container> sh`, `kubectl exec -it <pod> -- sh`)',
  references: [
    `${DOCKERFILE_REFERENCE}#expose`,
    'https://docs.docker.com/reference/cli/docker/container/exec/',
    CIS_DOCKER,
  ],
});

export const sshPortExposed: HardeningCheck = {
  rule,
  check(input) {
    return exposedPorts(input)
      .filter(exposesSsh)
      .map((port) => {
        const origin = configOrigin(input, exposeStep(port));
        return {
          ruleId: rule.id,
          message: `the image exposes ${port.spec}${setBy(origin)}: it is meant to run an SSH server`,
          location: `config:ExposedPorts:${port.spec}`,
          key: `config:ExposedPorts:${port.spec}`,
          ...origin,
        };
      });
  },
};
