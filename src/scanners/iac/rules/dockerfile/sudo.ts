import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, runs, stageOf } from './stage.js';

export const dockerfileSudo = dockerfileRule({
  id: 'iac/dockerfile-sudo',
  title: 'RUN uses sudo',
  description:
    'sudo in a Dockerfile means the image ships sudo and a user allowed to use it, so a process running as ' +
    'the "unprivileged" user can become root again. It also behaves unpredictably without a TTY. Run the ' +
    'privileged steps before switching USER (or switch to root for them), and do not install sudo.',
  severity: 'medium',
  cis: [],
  nist: ['AC-6'],
  cwe: ['CWE-250'],
  remediation:
    'Run privileged steps as root, then drop to the application user:\n\n```dockerfile\n' +
    'USER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER app\n```',
  references: [`${BEST_PRACTICES}#user`],
  *check(r) {
    const stage = stageOf(r);
    for (const [, i, commands] of runs(stage))
      if (commands.some((c) => c.sudo)) yield at(stage, i, 'RUN calls sudo');
  },
});
