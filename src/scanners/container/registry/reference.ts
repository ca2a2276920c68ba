/**
 * Image references as `docker pull` reads them (the distribution project's reference grammar):
 * `[registry[:port]/]path[:tag][@digest]`. The first component is a registry only when it looks
 * like a host (has a dot or a port, or is `localhost`); otherwise the image is on Docker Hub,
 * where a one-component name lives under `library/`.
 */
export interface ImageReference {
  /** Host and port as written, `docker.io` for Docker Hub. */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API answers here, not at docker.io. */
const DOCKER_HUB_API = 'registry-1.docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::\d{1,5})?$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$|^sha512:[0-9a-f]{128}$/;
const MAX_NAME = 255;

/** The reference, or a sentence saying what is wrong with it. */
export function parseReference(text: string): ImageReference | string {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return `"${digest}" is not a sha256 or sha512 digest`;
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return `"${tag}" is not a valid tag`;
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  const hasRegistry =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = hasRegistry ? first : DOCKER_HUB;
  if (hasRegistry && !HOST.test(first)) return `"${first}" is not a registry host`;
  const path = hasRegistry ? parts.slice(1) : parts;
  if (path.length === 0 || path.some((p) => !COMPONENT.test(p)))
    return `"${rest}" is not a repository name (lower-case letters, digits and . _ - separated by /)`;
  if (HUB_ALIASES.has(registry)) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && path.length === 1) path.unshift('library');
  const repository = path.join('/');
  if (`${registry}/${repository}`.length > MAX_NAME) return `the name is longer than ${MAX_NAME} characters`;
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** `registry/repository:tag@digest`, the form messages and reports use. */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** What the manifest is fetched by: the digest when given (it pins the image), else the tag. */
export function manifestKey(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}

/** Where the registry's API answers. */
export function apiHost(ref: ImageReference): string {
  return ref.registry === DOCKER_HUB ? DOCKER_HUB_API : ref.registry;
}

/** Docker talks plain HTTP only to registries on this machine; so do we, unless told. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
