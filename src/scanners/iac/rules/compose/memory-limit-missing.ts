import { get } from '../../model.js';
import { COMPOSE_REFERENCE, composeRule } from './service.js';

export const composeMemoryLimitMissing = composeRule({
  id: 'iac/compose-memory-limit-missing',
  title: 'Service has no memory limit',
  description:
    'Without a memory limit one service (a leak, a load spike, a decompression bomb) can take all the host’s ' +
    'memory, and the kernel’s OOM killer then picks victims among the other services and the Docker daemon.',
  severity: 'low',
  cis: [],
  nist: ['SC-6', 'SC-5'],
  cwe: ['CWE-770'],
  remediation:
    'Set a limit:\n\n```yaml\nservices:\n  app:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n```\n\n' +
    '(or `mem_limit: 512m`).',
  references: [
    `${COMPOSE_REFERENCE}#mem_limit`,
    'https://docs.docker.com/reference/compose-file/deploy/#resources',
  ],
  *check(r) {
    const limit = r.value.mem_limit ?? get(r.value, ['deploy', 'resources', 'limits', 'memory']);
    if (limit !== undefined && limit !== null) return;
    yield {
      message: 'no memory limit (mem_limit or deploy.resources.limits.memory)',
      at: ['deploy', 'resources', 'limits', 'memory'],
    };
  },
});
