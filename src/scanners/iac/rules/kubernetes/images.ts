import type { IacResource } from '../../model.js';
import type { IacRule, Violation } from '../../rule.js';
import { DOC } from './docs.js';
import { type ContainerView, WORKLOAD_KINDS } from './pod-spec.js';
import { perContainer } from './security-context.js';

interface ImageRef {
  ref: string;
  tag?: string;
  digest?: string;
}

/** `registry:5000/team/app:1.2@sha256:...` → tag `1.2`, digest `sha256:...`; a templated reference is not judged. */
function imageOf(c: ContainerView): ImageRef | undefined {
  const ref = c.value.image;
  if (typeof ref !== 'string' || !ref.trim() || /\$\{|\$\(|\{\{/.test(ref)) return undefined;
  const [name = '', digest] = ref.trim().split('@', 2);
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  const out: ImageRef = { ref };
  if (colon >= 0) out.tag = lastPart.slice(colon + 1);
  if (digest) out.digest = digest;
  return out;
}

/** Neither a digest nor a tag other than latest: what runs changes whenever someone pushes. */
const isFloating = (i: ImageRef) => !i.digest && (i.tag === undefined || i.tag === 'latest');

function imageCheck(judge: (image: ImageRef, c: ContainerView) => Violation | undefined) {
  return (r: IacResource) =>
    perContainer(r, (c) => {
      const image = imageOf(c);
      return image ? judge(image, c) : undefined;
    });
}

export const imageLatest: IacRule = {
  id: 'iac/k8s-image-tag-latest',
  title: 'Container image uses the latest tag or no tag',
  description:
    'latest (or no tag, which means latest) names whatever was pushed last: two nodes can run different ' +
    'code, a rollback does not roll back, and a compromised registry push reaches production on the next ' +
    'restart without any change to the manifest.',
  severity: 'medium',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['CM-2', 'SI-7'],
  cwe: ['CWE-1357'],
  remediation: 'Use an immutable version tag, or better a digest:\n\n```yaml\nimage: nginx:1.27.3\n```',
  references: [DOC.images],
  check: imageCheck((image, c) =>
    isFloating(image)
      ? {
          message: `image ${image.ref} ${image.tag ? 'uses the mutable latest tag' : 'has no tag (latest)'}`,
          at: [...c.path, 'image'],
        }
      : undefined,
  ),
};

export const imageWithoutDigest: IacRule = {
  id: 'iac/k8s-image-without-digest',
  title: 'Container image is not pinned by digest',
  description:
    'A tag can be moved to another image at any time by anyone who can push to the repository; only a ' +
    'digest (@sha256:...) names exactly the image that was reviewed and scanned.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['CM-2', 'SI-7', 'SR-11'],
  cwe: ['CWE-494'],
  remediation:
    'Pin the digest (the tag may stay for readers; the digest wins):\n\n' +
    '```yaml\nimage: nginx:1.27.3@sha256:<digest of the image you scanned>\n```',
  references: [DOC.images],
  check: imageCheck((image, c) =>
    image.digest
      ? undefined
      : { message: `image ${image.ref} is not pinned by digest`, at: [...c.path, 'image'] },
  ),
};

export const imagePullPolicy: IacRule = {
  id: 'iac/k8s-image-pull-policy-stale',
  title: 'A latest image is not always pulled (imagePullPolicy IfNotPresent or Never)',
  description:
    'With a floating tag and IfNotPresent or Never, each node keeps whatever version of latest it pulled ' +
    'first: nodes run different code, and a fixed image never replaces the vulnerable one already cached.',
  severity: 'low',
  platform: 'kubernetes',
  resourceTypes: WORKLOAD_KINDS,
  cis: [],
  nist: ['CM-2', 'SI-2'],
  remediation:
    'Pin a version (preferred), or pull on every start:\n\n```yaml\nimage: nginx:1.27.3\nimagePullPolicy: IfNotPresent\n```',
  references: [DOC.images],
  check: imageCheck((image, c) => {
    const policy = c.value.imagePullPolicy;
    if (!isFloating(image) || (policy !== 'IfNotPresent' && policy !== 'Never')) return undefined;
    return {
      message: `image ${image.ref} floats but imagePullPolicy is ${policy}`,
      at: [...c.path, 'imagePullPolicy'],
    };
  }),
};

export const IMAGE_RULES: readonly IacRule[] = [imageLatest, imageWithoutDigest, imagePullPolicy];
