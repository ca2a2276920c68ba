import { DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, shipped, stageOf } from './stage.js';

export const dockerfileMultipleCmd = dockerfileRule({
  id: 'iac/dockerfile-multiple-cmd',
  title: 'CMD or ENTRYPOINT overridden later in the same stage',
  description:
    'Only the last CMD and the last ENTRYPOINT of a stage take effect. An earlier one is dead code that ' +
    'misleads the reader about what the container runs, often a leftover debug or shell entry point. ' +
    'Only stages that end up in the final image are checked.',
  severity: 'low',
  cis: [],
  nist: ['CM-6'],
  remediation:
    'Keep one of each, at the end of the stage:\n\n```dockerfile\nENTRYPOINT ["/usr/local/bin/app"]\nCMD ["serve"]\n```',
  references: [`${DOCKERFILE_REFERENCE}#cmd`, `${DOCKERFILE_REFERENCE}#entrypoint`],
  *check(r, ctx) {
    // A build stage's CMD never runs: only the image's own stages matter.
    if (!shipped(r, ctx)) return;
    const stage = stageOf(r);
    for (const cmd of ['CMD', 'ENTRYPOINT']) {
      const lines = stage.instructions.flatMap((ins, i) => (ins.cmd === cmd ? [i] : []));
      const last = stage.instructions[lines.at(-1) ?? 0]!;
      for (const i of lines.slice(0, -1))
        yield at(stage, i, `this ${cmd} is overridden by the ${cmd} at line ${last.line} and never runs`);
    }
  },
});
