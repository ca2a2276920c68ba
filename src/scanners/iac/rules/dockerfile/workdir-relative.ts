import type { DockerStage } from '../../parsers/dockerfile-types.js';
import { BEST_PRACTICES, DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, lineage, stageOf } from './stage.js';

const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);

/** Whether an absolute WORKDIR was set before instruction `before` of `stage` (or in a stage it builds on). */
function anchored(stages: DockerStage[], before: number): boolean {
  const [own, ...bases] = stages;
  const earlier = own!.instructions.slice(0, before);
  return [...earlier, ...bases.flatMap((s) => s.instructions)].some(
    (i) => i.cmd === 'WORKDIR' && isAbsolute(i.args),
  );
}

export const dockerfileWorkdirRelative = dockerfileRule({
  id: 'iac/dockerfile-workdir-relative',
  title: 'WORKDIR is a relative path',
  description:
    'A relative WORKDIR resolves against whatever working directory the base image happens to set, so the ' +
    'files land somewhere that changes with the base image. Absolute paths say where they go.',
  severity: 'low',
  cis: [],
  nist: ['CM-6'],
  remediation: 'Use an absolute path:\n\n```dockerfile\nWORKDIR /srv/app\n```',
  references: [`${DOCKERFILE_REFERENCE}#workdir`, `${BEST_PRACTICES}#workdir`],
  *check(r, ctx) {
    const stage = stageOf(r);
    const stages = lineage(r, ctx);
    for (const [i, ins] of stage.instructions.entries()) {
      if (ins.cmd !== 'WORKDIR' || ins.unresolved.length > 0 || isAbsolute(ins.args)) continue;
      if (!anchored(stages, i))
        yield at(stage, i, `WORKDIR ${ins.args} is relative to the base image's directory`);
    }
  },
});
