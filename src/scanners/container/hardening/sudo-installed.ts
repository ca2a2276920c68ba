import { BEST_PRACTICES } from '../../iac/rules/dockerfile/refs.js';
import { describeOrigin, layerOrigin } from './origin.js';
import { programsOnPath } from './programs.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck } from './types.js';

const rule = hardeningRule({
  id: 'container/sudo-installed',
  title: 'sudo or doas installed in the image',
  description:
    'The image ships sudo (or doas). A container needs neither: steps that need root run as root at build ' +
    'time, before USER. What it adds is a way back to root for the unprivileged user the image runs as, ' +
    'wherever `sudoers` (or `doas.conf`) allows it, and a setuid-root program with its own history of ' +
    'privilege-escalation bugs (CVE-2021-3156). It also forwards signals and TTYs unpredictably, which is why ' +
    'Docker recommends gosu or su-exec for entrypoints that drop privileges.',
  severity: 'low',
  cis: ['cis-docker:4.3'],
  nist: ['AC-6', 'CM-7'],
  cwe: ['CWE-250'],
  remediation:
    'Run privileged steps as root before switching user, and do not install sudo:\n\n```dockerfile\n' +
    'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \\\n' +
    '  && rm -rf /var/lib/apt/lists/*\nUSER 10001\n```\n\nTo drop privileges in an entrypoint, use `gosu` or `su-exec`.',
  references: [`${BEST_PRACTICES}#user`, 'https://nvd.nist.gov/vuln/detail/CVE-2021-3156'],
});

export const sudoInstalled: HardeningCheck = {
  rule,
  check(input) {
    return programsOnPath(input.fs, (name) => name === 'sudo' || name === 'doas').map((entry) => {
      const origin = layerOrigin(input, entry.layer);
      return {
        ruleId: rule.id,
        message: `${entry.path} is in the image (added by ${describeOrigin(origin)}): a way back to root for the user the container runs as`,
        location: entry.path,
        key: entry.path,
        ...origin,
      };
    });
  },
};
