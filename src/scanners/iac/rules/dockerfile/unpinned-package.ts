import { isInstall, type PackageCommand, packageCommands } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, runs, stageOf } from './stage.js';

/** Arguments that are not registry package names: local files, URLs, the current project. */
const NOT_A_NAME = /^[./~]|:\/\/|^git\+|\.(deb|apk|whl|zip|tar\.gz|tgz)$/i;

const PINNED: Record<'apt' | 'apk' | 'pip', RegExp> = {
  apt: /=/,
  apk: /[=~<>]/,
  pip: /[=<>~!]=|[<>]|@/,
};

function unpinned(p: PackageCommand): string[] {
  if (p.manager === 'yum' || !isInstall(p)) return [];
  const pinned = PINNED[p.manager];
  return p.packages
    .filter((w) => !w.dynamic && !NOT_A_NAME.test(w.text) && !pinned.test(w.text))
    .map((w) => w.text);
}

export const dockerfileUnpinnedPackage = dockerfileRule({
  id: 'iac/dockerfile-unpinned-package',
  title: 'Package installed without a version',
  description:
    'apt, apk and pip install whatever version the repository offers on the day of the build. Builds of the ' +
    'same commit then differ, a malicious or broken new release is taken in without review, and an ' +
    'advisory cannot be matched to what shipped. Pin versions (and update them deliberately).',
  severity: 'low',
  cis: [],
  nist: ['CM-2', 'SR-4'],
  cwe: ['CWE-1357'],
  remediation:
    'Name the versions:\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n' +
    '  && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache curl=8.5.0-r0\nRUN pip install --no-cache-dir requests==2.32.3\n```\n\n' +
    'or install from a lock file (`pip install -r requirements.txt` with pinned, hashed requirements).',
  references: [`${BEST_PRACTICES}#apt-get`, 'https://pip.pypa.io/en/stable/topics/repeatable-installs/'],
  *check(r) {
    const stage = stageOf(r);
    for (const [, i, commands] of runs(stage)) {
      const names = packageCommands(commands).flatMap(unpinned);
      if (names.length > 0) yield at(stage, i, `packages installed without a version: ${names.join(', ')}`);
    }
  },
});
