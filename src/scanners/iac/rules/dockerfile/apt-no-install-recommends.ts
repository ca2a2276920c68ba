import { hasOption, isInstall, packageCommands } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, lineage, runs, script, shipped, stageOf } from './stage.js';

/** apt configured image-wide not to install recommends (`APT::Install-Recommends "false"`). */
const CONFIGURED = /Install-Recommends["'\s=]+(false|0)\b/i;

export const dockerfileAptNoInstallRecommends = dockerfileRule({
  id: 'iac/dockerfile-apt-no-install-recommends',
  title: 'apt-get install without --no-install-recommends',
  description:
    'By default apt also installs every "recommended" package: often dozens of libraries and tools the ' +
    'application never uses. Each one is attack surface and a source of vulnerability findings in the image. ' +
    'Only stages that end up in the final image are checked.',
  severity: 'low',
  cis: [],
  nist: ['CM-7'],
  remediation:
    'Install only what you name:\n\n```dockerfile\nRUN apt-get update \\\n' +
    '  && apt-get install -y --no-install-recommends ca-certificates curl \\\n  && rm -rf /var/lib/apt/lists/*\n```',
  references: [`${BEST_PRACTICES}#apt-get`],
  *check(r, ctx) {
    if (!shipped(r, ctx)) return;
    const configured = lineage(r, ctx).some((s) =>
      s.instructions.some((i) => i.cmd === 'RUN' && CONFIGURED.test(script(i) ?? '')),
    );
    if (configured) return;
    const stage = stageOf(r);
    for (const [, i, commands] of runs(stage)) {
      const installs = packageCommands(commands).filter(
        (p) => p.manager === 'apt' && isInstall(p) && !hasOption(p, '--no-install-recommends'),
      );
      if (installs.some((p) => !p.options.some((o) => CONFIGURED.test(o))))
        yield at(stage, i, 'apt-get install without --no-install-recommends');
    }
  },
});
