import { CIS_DOCKER, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import { exposedPorts, exposeStep } from './exposed-ports.js';
import { configOrigin, setBy } from './origin.js';
import { hardeningRule } from './rule.js';
import { PASSWD, runAs } from './run-as.js';
import type { HardeningCheck } from './types.js';

const rule = hardeningRule({
  id: 'container/privileged-port',
  title: 'Non-root image exposes a privileged port (below 1024)',
  description:
    'The image runs as an unprivileged user but declares a port below 1024. Binding it needs ' +
    'CAP_NET_BIND_SERVICE unless the runtime lowers `net.ipv4.ip_unprivileged_port_start` (Docker 20.10+ and ' +
    'containerd 2.0+ do; other runtimes and older versions do not). Where they do not, the service fails to ' +
    'start, and the usual fixes are the wrong ones: granting the capability, or going back to root. Listening ' +
    'on a high port and mapping it costs nothing. Port 22 is reported by container/ssh-port-exposed; a root ' +
    'image is reported by container/runs-as-root.',
  severity: 'low',
  cis: ['cis-docker:5.8'],
  nist: ['CM-7', 'AC-6'],
  remediation:
    'Listen on a port above 1023 and let the platform map the public port to it:\n\n```dockerfile\n' +
    'ENV PORT=8080\nEXPOSE 8080\n```\n\n(`docker run -p 80:8080`, or a Kubernetes Service with `port: 80`, `targetPort: 8080`)',
  references: [
    `${DOCKERFILE_REFERENCE}#expose`,
    'https://man7.org/linux/man-pages/man7/capabilities.7.html',
    'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
    CIS_DOCKER,
  ],
});

export const privilegedPort: HardeningCheck = {
  rule,
  wants: (path) => path === PASSWD,
  check(input) {
    const who = runAs(input);
    if (!who || who.root) return [];
    const ports = exposedPorts(input).filter(
      (p) => p.low > 0 && p.low < 1024 && !(p.low === 22 && p.high === 22),
    );
    return ports.map((port) => {
      const origin = configOrigin(input, exposeStep(port));
      return {
        ruleId: rule.id,
        message: `port ${port.spec}${setBy(origin)} is below 1024 but the image runs as ${who.user}: binding it needs CAP_NET_BIND_SERVICE on runtimes that keep the default unprivileged port range`,
        location: `config:ExposedPorts:${port.spec}`,
        key: `config:ExposedPorts:${port.spec}`,
        ...origin,
      };
    });
  },
};
