import { UserError } from '../../../../core/errors.js';
import type { BuiltImage } from '../../image/testing/build-image.js';
import { sha256 } from '../../image/testing/build-image.js';
import { RegistryClient } from '../client.js';
import type { FoundCredential } from '../credentials.js';
import type { ImageReference } from '../reference.js';

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const INDEX = 'application/vnd.oci.image.index.v1+json';

/** Pushes images through the distribution API (monolithic blob uploads), as `docker push` would. */
export async function pushImage(
  host: string,
  repository: string,
  tag: string,
  images: BuiltImage[],
  found: FoundCredential = { from: 'anonymous' },
): Promise<{ digest: string }> {
  const ref: ImageReference = { registry: host, repository, tag };
  const client = new RegistryClient(ref, found, { actions: 'pull,push' });
  for (const image of images) {
    await putBlob(client, image.configDigest, image.config);
    for (const l of image.layers) await putBlob(client, l.digest, l.blob);
    await putManifest(client, image.manifestDigest, image.manifest, MANIFEST);
  }
  if (images.length === 1) {
    await putManifest(client, tag, images[0]!.manifest, MANIFEST);
    return { digest: images[0]!.manifestDigest };
  }
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: images.map((b) => ({
        mediaType: MANIFEST,
        digest: b.manifestDigest,
        size: b.manifest.length,
        platform: b.spec.platform,
      })),
    }),
  );
  await putManifest(client, tag, index, INDEX);
  return { digest: sha256(index) };
}

export async function putBlob(client: RegistryClient, digest: string, bytes: Buffer): Promise<void> {
  const start = await client.send('blobs/uploads/', { method: 'POST' });
  await start.body?.cancel();
  const location = start.headers.get('location');
  if (start.status !== 202 || !location)
    throw new UserError(`upload of ${digest} not started: HTTP ${start.status}`);
  const url = new URL(location, client.base);
  url.searchParams.set('digest', digest);
  const done = await client.send(url.toString(), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  await done.body?.cancel();
  if (done.status !== 201) throw new UserError(`upload of ${digest} failed: HTTP ${done.status}`);
}

export async function putManifest(
  client: RegistryClient,
  key: string,
  bytes: Buffer,
  mediaType: string,
): Promise<void> {
  const res = await client.send(`manifests/${key}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes,
  });
  const text = await res.text();
  if (res.status !== 201) throw new UserError(`manifest ${key} refused: HTTP ${res.status} ${text}`);
}
