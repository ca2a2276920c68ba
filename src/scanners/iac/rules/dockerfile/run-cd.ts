import { BEST_PRACTICES } from './refs.js';
import { at, dockerfileRule, runs, stageOf } from './stage.js';

export const dockerfileRunCd = dockerfileRule({
  id: 'iac/dockerfile-run-cd',
  title: 'RUN cd instead of WORKDIR',
  description:
    'A RUN that starts with `cd` changes directory for that one command only; the next instruction is back ' +
    'in the previous WORKDIR, which is how files end up written to, or executed from, the wrong place. ' +
    'WORKDIR states the directory once for every following instruction.',
  severity: 'low',
  cis: [],
  nist: ['CM-6'],
  remediation: 'Set the directory with WORKDIR:\n\n```dockerfile\nWORKDIR /src/app\nRUN make install\n```',
  references: [`${BEST_PRACTICES}#workdir`],
  *check(r) {
    const stage = stageOf(r);
    for (const [ins, i, commands] of runs(stage))
      if (ins.heredocs.length === 0 && commands[0]?.name === 'cd')
        yield at(stage, i, 'RUN starts with cd: use WORKDIR');
  },
});
