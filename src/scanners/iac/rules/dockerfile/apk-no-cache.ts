import { hasOption, isInstall, mountsOver, packageCommands, removes } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, runs, shipped, stageOf } from './stage.js';

export const dockerfileApkNoCache = dockerfileRule({
  id: 'iac/dockerfile-apk-no-cache',
  title: 'apk add without --no-cache',
  description:
    'Without --no-cache, apk keeps the package index (and with a cache directory, the packages) in ' +
    '/var/cache/apk, so it ships in the layer: a bigger image carrying stale metadata. Only stages that end ' +
    'up in the final image are checked.',
  severity: 'low',
  cis: [],
  nist: ['CM-7'],
  remediation:
    'Let apk fetch the index without storing it:\n\n```dockerfile\nRUN apk add --no-cache curl=8.5.0-r0\n```',
  references: [BEST_PRACTICES, 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  *check(r, ctx) {
    if (!shipped(r, ctx)) return;
    const stage = stageOf(r);
    for (const [ins, i, commands] of runs(stage)) {
      const adds = packageCommands(commands).filter((p) => p.manager === 'apk' && isInstall(p));
      if (!adds.some((p) => !hasOption(p, '--no-cache'))) continue;
      if (removes(commands, /^\/var\/cache\/apk(\/\*?)?$/) || mountsOver(ins, /^\/var\/cache\/apk\/?$/))
        continue;
      yield at(stage, i, 'apk add without --no-cache');
    }
  },
});
