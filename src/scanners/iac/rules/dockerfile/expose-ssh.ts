import { DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, each, stageOf } from './stage.js';

/** `22`, `22/tcp`, or a range containing 22. */
function exposesSsh(spec: string): boolean {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(spec);
  if (!m || m[3]?.toLowerCase() === 'udp') return false;
  const [low, high] = [Number(m[1]), Number(m[2] ?? m[1])];
  return low <= 22 && 22 <= high;
}

export const dockerfileExposeSsh = dockerfileRule({
  id: 'iac/dockerfile-expose-ssh',
  title: 'Image exposes the SSH port (22)',
  description:
    'Exposing port 22 means the image runs an SSH server: another network service, another set of ' +
    'credentials or keys baked into or managed for the container, and a way in that bypasses the ' +
    'orchestrator’s access control and audit. Use `docker exec` / `kubectl exec` to get a shell.',
  severity: 'medium',
  cis: [],
  nist: ['CM-7', 'AC-17'],
  remediation:
    'Remove the SSH server and the EXPOSE; use the runtime to get a shell:\n\n```dockerfile\n' +
    'EXPOSE 8080\n```\n\n(`docker exec -it <container> sh`)',
  references: [`${DOCKERFILE_REFERENCE}#expose`],
  *check(r) {
    const stage = stageOf(r);
    for (const [ins, i] of each(stage, 'EXPOSE'))
      if (ins.words.some(exposesSsh)) yield at(stage, i, 'EXPOSE 22: the image runs an SSH server');
  },
});
