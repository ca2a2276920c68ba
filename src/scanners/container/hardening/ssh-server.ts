import { CIS_DOCKER } from '../../iac/rules/dockerfile/refs.js';
import type { OsPackage } from '../os-packages/index.js';
import { describeOrigin, layerOrigin } from './origin.js';
import { programsOnPath } from './programs.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/ssh-server',
  title: 'SSH server installed in the image',
  description:
    'The image ships an SSH server (OpenSSH `sshd` or Dropbear). Running one in a container adds a network ' +
    'service to patch, host keys and credentials to manage in every copy of the image, and a way in that ' +
    'bypasses the orchestrator’s access control and audit. `docker exec` and `kubectl exec` give a shell ' +
    'without it. Reported from the program on the PATH, or, when only the package database lists it, from ' +
    'the package.',
  severity: 'medium',
  cis: ['cis-docker:5.7', 'cis-docker:4.3'],
  nist: ['CM-7', 'AC-17'],
  remediation:
    'Do not install the server; install only the client if the application needs one:\n\n```dockerfile\n' +
    'RUN apt-get update && apt-get install -y --no-install-recommends openssh-client \\\n' +
    '  && rm -rf /var/lib/apt/lists/*\n```\n\n(`docker exec -it <container> sh`, `kubectl exec -it <pod> -- sh` for a shell)',
  references: ['https://docs.docker.com/reference/cli/docker/container/exec/', CIS_DOCKER],
});

const SERVERS = new Set(['sshd', 'dropbear']);
const SERVER_PACKAGES = /^(openssh-server(-pam)?|dropbear(-bin)?)$/;

function fromPackage(input: HardeningInput, pkg: OsPackage): HardeningResult {
  const db = pkg.source.path;
  const layer = input.fs.get(db)?.layer;
  const origin = layer === undefined ? {} : layerOrigin(input, layer);
  return {
    ruleId: rule.id,
    message: `${db} lists package ${pkg.name} ${pkg.version} as installed (${describeOrigin(origin)}), though no sshd or dropbear is on the PATH`,
    location: db,
    key: `package:${pkg.name}`,
    ...origin,
  };
}

export const sshServer: HardeningCheck = {
  rule,
  check(input) {
    const programs = programsOnPath(input.fs, (name) => SERVERS.has(name));
    if (programs.length === 0)
      return input.packages.filter((p) => SERVER_PACKAGES.test(p.name)).map((p) => fromPackage(input, p));
    return programs.map((entry) => {
      const origin = layerOrigin(input, entry.layer);
      return {
        ruleId: rule.id,
        message: `${entry.path} is an SSH server (added by ${describeOrigin(origin)}): a network service and a way in that bypasses the orchestrator`,
        location: entry.path,
        key: entry.path,
        ...origin,
      };
    });
  },
};
