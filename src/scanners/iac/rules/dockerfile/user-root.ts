import type { DockerStage } from '../../parsers/dockerfile-types.js';
import type { Violation } from '../../rule.js';
import { CIS_DOCKER, DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, lineage, stageOf } from './stage.js';

/** Base images documented to run as an unprivileged user by default. */
const NON_ROOT_IMAGE = /nonroot|rootless|unprivileged|^cgr\.dev\/chainguard\//i;

const isRoot = (user: string) => /^(root|0)$/.test(user.split(':')[0]!.trim());

/** The verdict of the stage's last USER, or undefined when it has none. */
function lastUser(stage: DockerStage): Violation | 'ok' | undefined {
  const i = stage.instructions.findLastIndex((x) => x.cmd === 'USER');
  if (i < 0) return undefined;
  const ins = stage.instructions[i]!;
  if (ins.unresolved.length > 0 || !isRoot(ins.args)) return 'ok';
  return at(stage, i, `the image runs as ${ins.args}: the last USER of the final stage is root`);
}

function imageName(stage: DockerStage): string {
  const { image, tag } = stage.from;
  return `${typeof image === 'string' ? image : ''}:${typeof tag === 'string' ? tag : ''}`;
}

export const dockerfileUserRoot = dockerfileRule({
  id: 'iac/dockerfile-user-root',
  title: 'Container image runs as root',
  description:
    'Without a USER instruction (or with USER root last) the container process runs as root. A compromised ' +
    'process then holds root inside the container, and any container escape or writable host mount is a root ' +
    'compromise of the host. Only the final stage matters: it is the image that runs.',
  severity: 'high',
  cis: ['cis-docker:4.1'],
  nist: ['AC-6', 'CM-7'],
  cwe: ['CWE-250'],
  remediation:
    'Create an unprivileged user and switch to it at the end of the final stage:\n\n' +
    '```dockerfile\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n```',
  references: [`${DOCKERFILE_REFERENCE}#user`, CIS_DOCKER],
  *check(r, ctx) {
    const stage = stageOf(r);
    if (!stage.final) return;
    for (const s of lineage(r, ctx)) {
      const verdict = lastUser(s);
      if (verdict === 'ok') return;
      if (verdict) {
        if (s === stage) yield verdict;
        else
          yield {
            message: `the image runs as root: the last USER (in stage ${s.name}) is root`,
            at: ['from'],
          };
        return;
      }
    }
    const base = lineage(r, ctx).at(-1)!;
    if (typeof base.from.image !== 'string' || NON_ROOT_IMAGE.test(imageName(base))) return;
    yield {
      message: 'no USER instruction: the image runs as root unless its base image sets a user',
      at: ['from'],
    };
  },
});
