import { CIS_DOCKER, DOCKERFILE_REFERENCE } from './refs.js';
import { dockerfileRule, lineage, stageOf } from './stage.js';

export const dockerfileHealthcheckMissing = dockerfileRule({
  id: 'iac/dockerfile-healthcheck-missing',
  title: 'Final image has no HEALTHCHECK',
  description:
    'Without a HEALTHCHECK, Docker and Swarm only know whether the process exists, not whether it works: a ' +
    'hung or deadlocked service keeps receiving traffic and is never restarted. (Kubernetes ignores ' +
    'HEALTHCHECK and uses probes; write `HEALTHCHECK NONE` to say so explicitly.)',
  severity: 'low',
  cis: ['cis-docker:4.6'],
  nist: ['SI-4', 'CP-10'],
  remediation:
    'Declare how to check the service:\n\n```dockerfile\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 \\\n' +
    '  CMD curl -fsS http://localhost:8080/healthz || exit 1\n```',
  references: [`${DOCKERFILE_REFERENCE}#healthcheck`, CIS_DOCKER],
  *check(r, ctx) {
    if (!stageOf(r).final) return;
    if (lineage(r, ctx).some((s) => s.instructions.some((i) => i.cmd === 'HEALTHCHECK'))) return;
    yield { message: 'the final stage declares no HEALTHCHECK', at: ['from'] };
  },
});
