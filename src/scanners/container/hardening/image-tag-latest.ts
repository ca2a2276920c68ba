import { referenceTag } from './image-reference.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck } from './types.js';

const rule = hardeningRule({
  id: 'container/image-tag-latest',
  title: 'Image known only by the latest tag',
  description:
    'Every name the scanned image carries is `latest` (or has no tag). A deployment that pulls it by that ' +
    'name gets whatever was pushed last: which build runs cannot be told from the manifest, two nodes can run ' +
    'different builds, and rolling back means re-pushing. Only the names the archive records are known (the ' +
    'tags given to `docker save`, the names in an OCI index): the same image may carry other tags in the ' +
    'registry, hence the low confidence.',
  severity: 'low',
  confidence: 'low',
  cis: [],
  nist: ['CM-2', 'CM-8'],
  remediation:
    'Tag each build with an immutable version (the release or the commit) and deploy by digest:\n\n' +
    '```sh\ndocker build -t registry.example.com/app:1.4.2 -t registry.example.com/app:sha-3f2a9c1 .\n```\n\n' +
    '(`image: registry.example.com/app:1.4.2@sha256:<digest>` in the deployment)',
  references: [
    'https://kubernetes.io/docs/concepts/containers/images/#image-names',
    'https://docs.docker.com/reference/cli/docker/image/tag/',
  ],
});

/** An OCI `ref.name` can be a bare tag (`latest`) rather than a reference. */
const tagOf = (name: string) => (name.includes(':') || name.includes('/') ? referenceTag(name).tag : name);

export const imageTagLatest: HardeningCheck = {
  rule,
  check(input) {
    const names = input.names;
    if (names.length === 0 || names.some((n) => n.includes('@') || (tagOf(n) ?? 'latest') !== 'latest'))
      return [];
    return [
      {
        ruleId: rule.id,
        message: `the image is named only ${names.join(', ')}: a deployment by that name runs whatever was pushed last`,
        location: 'image:names',
        key: 'image:names',
      },
    ];
  },
};
