import { isInstall, type PackageCommand, packageCommands } from './packages.js';
import { BEST_PRACTICES, CIS_DOCKER } from './refs.js';
import { at, dockerfileRule, runs, stageOf } from './stage.js';

/**
 * `apt-get update`, `apk update`, `dnf makecache`, `zypper refresh`: the package index only. (`yum update`
 * upgrades packages, like `apt-get upgrade`, and is not an index refresh.)
 */
const refreshesIndex = (p: PackageCommand) =>
  p.manager === 'yum'
    ? ['makecache', 'refresh', 'ref'].includes(p.sub)
    : p.manager !== 'pip' && p.sub === 'update';

export const dockerfileUpdateAlone = dockerfileRule({
  id: 'iac/dockerfile-update-alone',
  title: 'Package index update in its own RUN',
  description:
    '`RUN apt-get update` on its own line is cached as a layer: later builds reuse the old package lists and ' +
    'the following `apt-get install` fetches outdated (possibly vulnerable) versions, or fails when they ' +
    'are gone from the mirror. Update and install in the same RUN.',
  severity: 'low',
  cis: ['cis-docker:4.7'],
  nist: ['SI-2', 'CM-2'],
  remediation:
    'Combine them:\n\n```dockerfile\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl \\\n' +
    '  && rm -rf /var/lib/apt/lists/*\n```',
  references: [`${BEST_PRACTICES}#apt-get`, CIS_DOCKER],
  *check(r) {
    const stage = stageOf(r);
    for (const [, i, commands] of runs(stage)) {
      const pkgs = packageCommands(commands);
      const update = pkgs.find(refreshesIndex);
      if (update && !pkgs.some((p) => isInstall(p) || p.sub.endsWith('upgrade')))
        yield at(stage, i, `package ${update.sub} without an install in the same RUN`);
    }
  },
});
