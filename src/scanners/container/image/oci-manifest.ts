import type { Diagnostic } from '../../../core/diagnostic.js';
import type { BlobStore } from './blob-store.js';
import { diag } from './diagnostics.js';
import { blobPath } from './digest.js';
import { readJsonBlob } from './json-blob.js';
import { isObj } from './json-shape.js';
import type { LayerRef } from './layers.js';
import { type Descriptor, parseDescriptor, parseDescriptors } from './oci-descriptor.js';

export interface Manifest {
  config: Descriptor;
  layers: LayerRef[];
}

/** The image manifest a descriptor points at, checked against the descriptor's digest and size. */
export async function readManifest(
  store: BlobStore,
  d: Descriptor,
  diagnostics: Diagnostic[],
): Promise<Manifest | undefined> {
  const expected = { digest: d.digest, size: d.size };
  const raw = await readJsonBlob(store, blobPath(d.digest), 'manifest', diagnostics, expected);
  if (raw === undefined) return undefined;
  const config = isObj(raw) ? parseDescriptor(raw.config) : undefined;
  const layers = isObj(raw) ? parseDescriptors(raw.layers) : undefined;
  if (!config || !layers) {
    const msg = `${store.path}: manifest ${d.digest} lacks a valid ${config ? '"layers" list' : '"config" descriptor'}`;
    diagnostics.push(diag('error', 'invalid-manifest', msg, store.path));
    return undefined;
  }
  return {
    config,
    layers: layers.map((l) => ({
      name: blobPath(l.digest),
      digest: l.digest,
      size: l.size,
      mediaType: l.mediaType,
    })),
  };
}
