import { externalImage, floatsOnLatest } from './image.js';
import { BEST_PRACTICES, DOCKERFILE_REFERENCE } from './refs.js';
import { dockerfileRule, stageOf } from './stage.js';

export const dockerfileImageNotPinned = dockerfileRule({
  id: 'iac/dockerfile-image-not-pinned',
  title: 'Base image is not pinned by digest',
  description:
    'A tag is a movable pointer: the publisher (or whoever takes over the repository) can push a different ' +
    'image under the same tag. Only a digest (`@sha256:…`) names one exact image, so the build is reproducible ' +
    'and a tampered upstream image cannot slip in. Update the digest with a bot (Dependabot, Renovate).',
  severity: 'low',
  cis: [],
  nist: ['CM-2', 'SI-7'],
  cwe: ['CWE-1357'],
  remediation:
    'Add the digest of the tag you tested:\n\n```dockerfile\nFROM node:20.11-alpine@sha256:<digest>\n```\n\n' +
    '(`docker buildx imagetools inspect node:20.11-alpine` prints it.)',
  references: [`${DOCKERFILE_REFERENCE}#from`, `${BEST_PRACTICES}#pin-base-image-versions`],
  *check(r) {
    const stage = stageOf(r);
    const image = externalImage(stage);
    // No tag or `latest` is the image-latest rule's finding.
    if (image === undefined || floatsOnLatest(stage)) return;
    const { tag, digest } = stage.from;
    if (digest !== null || typeof tag !== 'string') return;
    yield { message: `base image ${image}:${tag} is not pinned by digest`, at: ['from'] };
  },
});
