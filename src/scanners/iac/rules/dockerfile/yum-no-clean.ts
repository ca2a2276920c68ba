import { isInstall, mountsOver, packageCommands, removes } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import type { Command } from './shell.js';
import { at, dockerfileRule, runs, shipped, stageOf } from './stage.js';

const CACHE = /^\/var\/cache\/(yum|dnf|libdnf5|zypp)(\/\*?)?$/;

/** `yum clean all`, `dnf clean all`, `zypper clean`/`zypper cc`. */
const cleans = (commands: readonly Command[]) =>
  commands.some((c) => {
    const sub = c.argv.slice(1).find((a) => !a.text.startsWith('-'))?.text;
    return ['yum', 'dnf', 'microdnf', 'tdnf', 'zypper'].includes(c.name) && (sub === 'clean' || sub === 'cc');
  });

export const dockerfileYumNoClean = dockerfileRule({
  id: 'iac/dockerfile-yum-no-clean',
  title: 'yum/dnf/zypper install without cleaning the package cache',
  description:
    'yum, dnf and zypper keep repository metadata and downloaded packages in /var/cache. Unless the same RUN ' +
    'cleans it, the cache ships in the layer. Only stages that end up in the final image are checked.',
  severity: 'low',
  cis: [],
  nist: ['CM-7'],
  remediation:
    'Clean in the same RUN:\n\n```dockerfile\nRUN dnf install -y httpd-2.4.57 && dnf clean all && rm -rf /var/cache/dnf\n```',
  references: [BEST_PRACTICES, 'https://docs.fedoraproject.org/en-US/quick-docs/dnf/'],
  *check(r, ctx) {
    if (!shipped(r, ctx)) return;
    const stage = stageOf(r);
    for (const [ins, i, commands] of runs(stage)) {
      if (!packageCommands(commands).some((p) => p.manager === 'yum' && isInstall(p))) continue;
      if (
        cleans(commands) ||
        removes(commands, CACHE) ||
        mountsOver(ins, /^\/var\/cache\/(yum|dnf|libdnf5|zypp)\/?$/)
      )
        continue;
      yield at(stage, i, 'package install without cleaning the package cache in the same RUN');
    }
  },
});
