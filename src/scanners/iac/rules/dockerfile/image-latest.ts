import { externalImage, floatsOnLatest } from './image.js';
import { BEST_PRACTICES, DOCKERFILE_REFERENCE } from './refs.js';
import { dockerfileRule, stageOf } from './stage.js';

export const dockerfileImageLatest = dockerfileRule({
  id: 'iac/dockerfile-image-latest',
  title: 'Base image uses the latest tag or no tag',
  description:
    'FROM without a tag pulls `latest`, which moves: the same Dockerfile builds a different image from one ' +
    'day to the next, a compromised or broken upstream release enters the build unnoticed, and a rebuild cannot ' +
    'reproduce what was tested. Name a version (and pin its digest).',
  severity: 'medium',
  cis: [],
  nist: ['CM-2', 'SI-7'],
  cwe: ['CWE-1357'],
  remediation:
    'Name a version, ideally with its digest:\n\n```dockerfile\nFROM python:3.12-slim@sha256:<digest>\n```',
  references: [`${DOCKERFILE_REFERENCE}#from`, `${BEST_PRACTICES}#pin-base-image-versions`],
  *check(r) {
    const stage = stageOf(r);
    const image = externalImage(stage);
    if (image === undefined || !floatsOnLatest(stage)) return;
    const shown = stage.from.tag === null ? `${image} (no tag: latest)` : `${image}:latest`;
    yield { message: `base image ${shown} changes under the build`, at: ['from'] };
  },
});
