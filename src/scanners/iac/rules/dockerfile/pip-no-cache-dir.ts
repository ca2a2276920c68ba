import { hasOption, isInstall, mountsOver, packageCommands, removes } from './packages.js';
import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, envSet, lineage, runs, shipped, stageOf } from './stage.js';

const PIP_CACHE = /(^|\/)\.cache(\/pip)?\/?(\*)?$/;

export const dockerfilePipNoCacheDir = dockerfileRule({
  id: 'iac/dockerfile-pip-no-cache-dir',
  title: 'pip install keeps its download cache in the image',
  description:
    'pip caches every wheel it downloads in ~/.cache/pip. In an image layer that cache is dead weight (often ' +
    'hundreds of megabytes) shipped to every host. Only stages that end up in the final image are checked.',
  severity: 'low',
  cis: [],
  nist: ['CM-7'],
  remediation:
    'Disable the cache (or use a cache mount):\n\n```dockerfile\nRUN pip install --no-cache-dir -r requirements.txt\n```\n\n' +
    'or set `ENV PIP_NO_CACHE_DIR=1` once.',
  references: [BEST_PRACTICES, 'https://pip.pypa.io/en/stable/topics/caching/'],
  *check(r, ctx) {
    if (!shipped(r, ctx) || envSet(lineage(r, ctx), 'PIP_NO_CACHE_DIR')) return;
    const stage = stageOf(r);
    for (const [ins, i, commands] of runs(stage)) {
      const installs = packageCommands(commands).filter((p) => p.manager === 'pip' && isInstall(p));
      if (!installs.some((p) => !hasOption(p, '--no-cache-dir'))) continue;
      if (removes(commands, PIP_CACHE) || mountsOver(ins, PIP_CACHE)) continue;
      yield at(stage, i, 'pip install without --no-cache-dir');
    }
  },
});
