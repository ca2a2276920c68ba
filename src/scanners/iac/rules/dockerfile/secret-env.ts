import type { DockerInstruction, DockerStage } from '../../parsers/dockerfile-types.js';
import type { Violation } from '../../rule.js';
import { BEST_PRACTICES, CIS_DOCKER, DOCKERFILE_REFERENCE } from './refs.js';
import { isSecretName, isSecretValue } from './secret-name.js';
import { dockerfileRule, stageOf } from './stage.js';

function* secrets(list: DockerInstruction[], key: 'instructions' | 'globalArgs'): Generator<Violation> {
  for (const [i, ins] of list.entries()) {
    if (ins.cmd !== 'ENV' && ins.cmd !== 'ARG') continue;
    for (const p of ins.pairs)
      if (isSecretName(p.key) && isSecretValue(p.value))
        yield {
          message: `literal secret, stored in the image${ins.cmd === 'ARG' ? ' build history' : ' configuration'}`,
          at: [key, i],
          subject: `${ins.cmd} ${p.key}`,
          redact: [p.value],
        };
  }
}

export const dockerfileSecretEnv = dockerfileRule({
  id: 'iac/dockerfile-secret-env',
  title: 'Secret in ENV or ARG',
  description:
    'ENV values are stored in the image configuration and visible to anyone who can pull the image ' +
    '(`docker inspect`, `docker history`); ARG defaults are recorded in the build history and cache. A ' +
    'password, token or key written there is leaked to every registry, cache and host the image reaches, and ' +
    'stays in the Git history of the Dockerfile.',
  severity: 'high',
  cis: ['cis-docker:4.10'],
  nist: ['IA-5(7)', 'SC-28'],
  cwe: ['CWE-798'],
  remediation:
    'Pass build-time secrets with a secret mount, and runtime secrets through the orchestrator:\n\n' +
    '```dockerfile\n# syntax=docker/dockerfile:1\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n```\n\n' +
    '(`docker build --secret id=npm_token,env=NPM_TOKEN .`); at run time use `docker run --env-file` or ' +
    'Docker/Kubernetes secrets, never ENV.',
  references: [`${DOCKERFILE_REFERENCE}#run---mounttypesecret`, `${BEST_PRACTICES}#env`, CIS_DOCKER],
  *check(r) {
    const stage: DockerStage = stageOf(r);
    yield* secrets(stage.globalArgs, 'globalArgs');
    yield* secrets(stage.instructions, 'instructions');
  },
});
