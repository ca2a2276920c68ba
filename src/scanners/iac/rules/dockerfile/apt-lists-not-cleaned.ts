import { isInstall, mountsOver, packageCommands, removes } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, runs, shipped, stageOf } from './stage.js';

const LISTS = /^\/var\/lib\/apt(\/lists)?(\/\*?)?$/;

export const dockerfileAptListsNotCleaned = dockerfileRule({
  id: 'iac/dockerfile-apt-lists-not-cleaned',
  title: 'apt package lists left in the image',
  description:
    'apt-get update downloads package indexes into /var/lib/apt/lists. Unless the same RUN removes them, they ' +
    'stay in the layer: tens of megabytes of stale metadata in every image, and a later `apt-get install` in ' +
    'a derived image may use them instead of fresh lists. Only stages that end up in the final image are checked.',
  severity: 'low',
  cis: [],
  nist: ['CM-7'],
  remediation:
    'Remove the lists in the same RUN (or use a cache mount):\n\n```dockerfile\nRUN apt-get update \\\n' +
    '  && apt-get install -y --no-install-recommends curl \\\n  && rm -rf /var/lib/apt/lists/*\n```',
  references: [`${BEST_PRACTICES}#apt-get`],
  *check(r, ctx) {
    if (!shipped(r, ctx)) return;
    const stage = stageOf(r);
    for (const [ins, i, commands] of runs(stage)) {
      if (!packageCommands(commands).some((p) => p.manager === 'apt' && isInstall(p))) continue;
      if (removes(commands, LISTS) || mountsOver(ins, /^\/var\/lib\/apt(\/lists)?\/?$/)) continue;
      yield at(stage, i, 'apt-get install without removing /var/lib/apt/lists in the same RUN');
    }
  },
});
