import { DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, each, stageOf } from './stage.js';

export const dockerfileMaintainer = dockerfileRule({
  id: 'iac/dockerfile-maintainer',
  title: 'Deprecated MAINTAINER instruction',
  description:
    'MAINTAINER is deprecated; its value ends up in an image field tools no longer read. The OCI label ' +
    '`org.opencontainers.image.authors` is where the contact belongs.',
  severity: 'info',
  cis: [],
  nist: ['CM-6'],
  remediation:
    'Use a label:\n\n```dockerfile\nLABEL org.opencontainers.image.authors="platform@example.com"\n```',
  references: [`${DOCKERFILE_REFERENCE}#maintainer-deprecated`],
  *check(r) {
    const stage = stageOf(r);
    for (const [, i] of each(stage, 'MAINTAINER'))
      yield at(stage, i, 'MAINTAINER is deprecated: use a LABEL');
  },
});
