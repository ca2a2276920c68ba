import { UserError } from '../../../core/errors.js';
import { digestOf } from '../image/digest.js';
import type { RegistryClient } from './client.js';
import { readCapped } from './client.js';
import { httpError } from './registry-error.js';

/** Every manifest kind we read; schema 1 is not among them (deprecated since 2017, unsigned digests). */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(?:pretty)?jws$/;
/** The OCI distribution spec lets registries refuse manifests over 4 MiB; we refuse to read them. */
const MAX_MANIFEST = 4 * 1024 * 1024;

export interface FetchedManifest {
  bytes: Buffer;
  mediaType: string;
  digest: string;
  json: Record<string, unknown>;
}

/**
 * A manifest by tag or digest. Fetched by digest, its bytes must hash to it; fetched by tag, they
 * must hash to the `Docker-Content-Digest` the registry announces, when it announces one.
 */
export async function fetchManifest(client: RegistryClient, key: string): Promise<FetchedManifest> {
  const what = `${client.host}/${client.ref.repository} manifest ${key}`;
  const res = await client.send(`manifests/${key}`, { headers: { accept: MANIFEST_TYPES.join(', ') } });
  if (!res.ok) {
    const body = (await readCapped(res, what, 64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
    throw httpError(what, res.status, body, res.status === 404 ? 'check the tag or digest' : undefined);
  }
  const bytes = await readCapped(res, what, MAX_MANIFEST);
  const byDigest = key.includes(':');
  const digest = digestOf(bytes, byDigest ? key : undefined);
  if (byDigest && digest !== key)
    throw new UserError(`${what}: the registry sent content whose digest is ${digest}`);
  const announced = res.headers.get('docker-content-digest');
  if (!byDigest && announced && announced.startsWith('sha256:') && announced !== digest)
    throw new UserError(
      `${what}: the content's digest ${digest} differs from the ${announced} the registry announced`,
    );
  const json = parseJson(bytes, what);
  const mediaType =
    (typeof json.mediaType === 'string' ? json.mediaType : undefined) ?? contentType(res) ?? guessType(json);
  if (json.schemaVersion === 1 || SCHEMA1.test(mediaType))
    throw new UserError(
      `${what} is a schema 1 manifest, which is not supported`,
      'push the image again with a current Docker or OCI tool',
    );
  if (!MANIFEST_TYPES.includes(mediaType))
    throw new UserError(`${what} has media type ${mediaType}, not an image manifest or index`);
  return { bytes, mediaType, digest, json };
}

function parseJson(bytes: Buffer, what: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(bytes.toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // said below
  }
  throw new UserError(`${what} is not a JSON object`);
}

function contentType(res: Response): string | undefined {
  const t = res.headers.get('content-type')?.split(';')[0]?.trim();
  // A generic type says nothing about which manifest kind it is.
  return t && t !== 'application/json' && t !== 'text/plain' ? t : undefined;
}

/** OCI manifests may leave out `mediaType`; what they hold tells the kind. */
function guessType(json: Record<string, unknown>): string {
  return Array.isArray(json.manifests) ? MANIFEST_TYPES[0]! : MANIFEST_TYPES[1]!;
}
