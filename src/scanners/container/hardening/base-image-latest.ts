import { BEST_PRACTICES, DOCKERFILE_REFERENCE } from '../../iac/rules/dockerfile/refs.js';
import { floatsOnLatest } from './image-reference.js';
import { configOrigin, setBy } from './origin.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck } from './types.js';

const BASE_NAME = 'org.opencontainers.image.base.name';
const BASE_DIGEST = 'org.opencontainers.image.base.digest';

const rule = hardeningRule({
  id: 'container/base-image-latest',
  title: 'Image built from a base image on the latest tag',
  description:
    'The image says, in its `org.opencontainers.image.base.name` label, that it was built FROM a base ' +
    'image with the `latest` tag or no tag. That base moves: the next build of the same Dockerfile gets ' +
    'different contents, a compromised or broken upstream release enters unnoticed, and what was tested ' +
    'cannot be rebuilt. A built image does not otherwise record its FROM line, so images without the label ' +
    '(most of them) are not judged; the Dockerfile rule iac/dockerfile-image-latest checks the source.',
  severity: 'medium',
  cis: [],
  nist: ['CM-2', 'SI-7'],
  cwe: ['CWE-1357'],
  remediation:
    'Name a version and pin its digest, and record it:\n\n```dockerfile\nFROM python:3.12-slim@sha256:<digest>\n' +
    'LABEL org.opencontainers.image.base.name="docker.io/library/python:3.12-slim" \\\n' +
    '      org.opencontainers.image.base.digest="sha256:<digest>"\n```',
  references: [
    'https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys',
    `${BEST_PRACTICES}#pin-base-image-versions`,
    `${DOCKERFILE_REFERENCE}#from`,
  ],
});

export const baseImageLatest: HardeningCheck = {
  rule,
  check(input) {
    const labels = input.config?.labels ?? {};
    const base = labels[BASE_NAME]?.trim();
    if (!base || !floatsOnLatest(base)) return [];
    const digest = labels[BASE_DIGEST];
    const origin = configOrigin(input, (line) => /^LABEL\s/i.test(line) && line.includes(BASE_NAME));
    const resolved = digest
      ? ` The build resolved it to ${digest}; the next one takes whatever latest is then.`
      : '';
    return [
      {
        ruleId: rule.id,
        message: `label ${BASE_NAME}${setBy(origin)} says the image was built FROM ${base}, which floats on latest.${resolved}`,
        location: `config:Labels:${BASE_NAME}`,
        key: `config:Labels:${BASE_NAME}`,
        ...origin,
      },
    ];
  },
};
