import { isArchive, isGit, isUrl, sources } from './add.js';
import { BEST_PRACTICES, CIS_DOCKER, DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, each, stageOf } from './stage.js';

export const dockerfileAddInsteadOfCopy = dockerfileRule({
  id: 'iac/dockerfile-add-instead-of-copy',
  title: 'ADD used where COPY suffices',
  description:
    'ADD also fetches URLs and silently extracts local archives. For plain local files that magic only adds ' +
    'risk: an archive that lands in the build context is unpacked into the image (with whatever paths it ' +
    'holds) instead of being copied. COPY does exactly one thing and is what CIS Docker 4.9 asks for.',
  severity: 'low',
  cis: ['cis-docker:4.9'],
  nist: ['CM-7'],
  remediation: 'Use COPY for local files and directories:\n\n```dockerfile\nCOPY app/ /srv/app/\n```',
  references: [`${DOCKERFILE_REFERENCE}#copy`, `${BEST_PRACTICES}#add-or-copy`, CIS_DOCKER],
  *check(r) {
    const stage = stageOf(r);
    for (const [ins, i] of each(stage, 'ADD')) {
      const src = sources(ins);
      if (ins.unresolved.length > 0 || src.length === 0) continue;
      if (src.some((s) => isUrl(s) || isGit(s) || isArchive(s))) continue;
      yield at(stage, i, `ADD ${src.join(' ')} copies local files: use COPY`);
    }
  },
});
