import type { BlobStore } from './blob-store.js';
import { parseImageConfig } from './config.js';
import { diag } from './diagnostics.js';
import { blobPath } from './digest.js';
import { readJsonBlob } from './json-blob.js';
import { isObj } from './json-shape.js';
import { locateLayers } from './layers.js';
import type { Image, OpenImageOptions } from './model.js';
import { readManifest } from './oci-manifest.js';
import { type Candidate, chooseManifest, listManifests } from './oci-select.js';
import { completePlatform } from './platform.js';

/** An OCI image layout (folder or tar): `oci-layout`, `index.json`, then manifest, config and layers by digest. */
export async function readOciLayout(store: BlobStore, options: OpenImageOptions): Promise<Image> {
  const image: Image = {
    source: { kind: 'oci-layout', path: store.path, archive: store.archive },
    repoTags: [],
    layers: [],
    diagnostics: [],
  };
  await checkLayoutFile(store, image);
  const chosen = chooseManifest(
    await listManifests(store, image.diagnostics),
    options,
    store.path,
    image.diagnostics,
  );
  if (!chosen) {
    image.diagnostics.push(
      diag('error', 'no-manifest', `${store.path}: the layout lists no image manifest`, store.path),
    );
    return image;
  }
  await readChosen(store, chosen, image);
  return image;
}

async function readChosen(store: BlobStore, chosen: Candidate, image: Image): Promise<void> {
  const d = chosen.descriptor;
  image.digest = d.digest;
  image.repoTags = chosen.names.filter((n) => n.includes(':') || n.includes('/'));
  image.reference = chosen.names[0];
  const manifest = await readManifest(store, d, image.diagnostics);
  if (!manifest) return;
  image.id = manifest.config.digest;
  const expected = { digest: manifest.config.digest, size: manifest.config.size };
  const raw = await readJsonBlob(
    store,
    blobPath(manifest.config.digest),
    'config',
    image.diagnostics,
    expected,
  );
  if (raw !== undefined) image.config = parseImageConfig(raw, store.path, image.diagnostics);
  image.platform = completePlatform(d.platform ?? {}) ?? completePlatform(image.config?.platform ?? {});
  image.layers = await locateLayers(store, manifest.layers, image.config, image.diagnostics);
}

async function checkLayoutFile(store: BlobStore, image: Image): Promise<void> {
  if (!(await store.locate('oci-layout'))) return;
  const layout = await readJsonBlob(store, 'oci-layout', 'layout marker', image.diagnostics);
  if (layout !== undefined && !(isObj(layout) && typeof layout.imageLayoutVersion === 'string')) {
    const msg = `${store.path}: oci-layout has no imageLayoutVersion`;
    image.diagnostics.push(diag('warning', 'invalid-layout', msg, store.path));
  }
}
