import { packageCommands } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, runs, stageOf } from './stage.js';

const UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade']);

export const dockerfileAptUpgrade = dockerfileRule({
  id: 'iac/dockerfile-apt-upgrade',
  title: 'apt-get upgrade in a Dockerfile',
  description:
    'Upgrading every package inside the build makes the image depend on the day it was built rather than on ' +
    'the Dockerfile: two builds of one commit differ, and what was tested is not what ships. Take fixes by ' +
    'moving to a newer base image (and upgrading single packages by name when a fix cannot wait).',
  severity: 'low',
  cis: [],
  nist: ['CM-2'],
  remediation:
    'Rebuild on a patched base image, or upgrade the one package that needs it:\n\n```dockerfile\n' +
    'FROM debian:bookworm-20240513-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssl=3.0.13-1~deb12u1 \\\n' +
    '  && rm -rf /var/lib/apt/lists/*\n```',
  references: [`${BEST_PRACTICES}#apt-get`],
  *check(r) {
    const stage = stageOf(r);
    for (const [, i, commands] of runs(stage)) {
      const up = packageCommands(commands).find((p) => p.manager === 'apt' && UPGRADES.has(p.sub));
      if (up) yield at(stage, i, `apt-get ${up.sub} upgrades every package at build time`);
    }
  },
});
