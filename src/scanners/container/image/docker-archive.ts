import type { Diagnostic } from '../../../core/diagnostic.js';
import { UserError } from '../../../core/errors.js';
import type { BlobStore } from './blob-store.js';
import { parseImageConfig } from './config.js';
import { diag } from './diagnostics.js';
import { digestFromPath } from './digest.js';
import { readJsonBlob } from './json-blob.js';
import { isObj, str, strings } from './json-shape.js';
import { type LayerRef, locateLayers } from './layers.js';
import type { Image, OpenImageOptions } from './model.js';
import { readManifest } from './oci-manifest.js';
import { listManifests } from './oci-select.js';
import { completePlatform } from './platform.js';

interface SaveEntry {
  config: string;
  repoTags: string[];
  layers: string[];
}

/**
 * A `docker save` archive: `manifest.json` names the config and the layer tars. Docker 25 and
 * later write the same archive as an OCI layout too; then the manifest digest and the declared
 * layer sizes come from its `index.json`.
 */
export async function readDockerArchive(store: BlobStore, options: OpenImageOptions): Promise<Image> {
  const image: Image = {
    source: { kind: 'docker-archive', path: store.path, archive: store.archive },
    repoTags: [],
    layers: [],
    diagnostics: [],
  };
  const entry = chooseEntry(
    await readEntries(store, image.diagnostics),
    options,
    store.path,
    image.diagnostics,
  );
  if (!entry) return image;
  image.repoTags = entry.repoTags;
  image.reference = entry.repoTags[0];
  image.id = digestFromPath(entry.config);
  const raw = await readJsonBlob(store, entry.config, 'config', image.diagnostics, { digest: image.id });
  if (raw !== undefined) image.config = parseImageConfig(raw, store.path, image.diagnostics);
  image.platform = completePlatform(image.config?.platform ?? {});
  const refs = await layerRefs(store, entry, image);
  image.layers = await locateLayers(store, refs, image.config, image.diagnostics);
  return image;
}

async function readEntries(store: BlobStore, diagnostics: Diagnostic[]): Promise<SaveEntry[]> {
  const raw = await readJsonBlob(store, 'manifest.json', 'manifest', diagnostics);
  if (raw === undefined) return [];
  const entries = Array.isArray(raw) ? raw.map(parseEntry) : [];
  if (entries.length === 0 || entries.some((e) => e === undefined)) {
    const msg = `${store.path}: manifest.json is not a list of {Config, RepoTags, Layers} entries`;
    diagnostics.push(diag('error', 'invalid-manifest', msg, store.path));
    return [];
  }
  return entries as SaveEntry[];
}

function parseEntry(v: unknown): SaveEntry | undefined {
  if (!isObj(v)) return undefined;
  const config = str(v.Config);
  const layers = strings(v.Layers);
  if (!config || !layers) return undefined;
  return { config, layers, repoTags: strings(v.RepoTags) ?? [] };
}

function chooseEntry(
  entries: SaveEntry[],
  options: OpenImageOptions,
  where: string,
  diagnostics: Diagnostic[],
): SaveEntry | undefined {
  const ref = options.reference;
  if (ref !== undefined) {
    const found = entries.find((e) => e.repoTags.some((t) => t === ref || t.endsWith(`/${ref}`)));
    if (found || entries.length === 0) return found;
    const tags = entries.flatMap((e) => e.repoTags);
    throw new UserError(
      `${where} has no image tagged ${ref}; it has ${tags.join(', ') || 'only untagged images'}`,
    );
  }
  if (entries.length > 1) {
    const msg = `${where} holds ${entries.length} images; read the first (${entries[0]!.repoTags[0] ?? 'untagged'}), choose another by reference`;
    diagnostics.push(diag('warning', 'several-images', msg, where));
  }
  return entries[0];
}

/** Layer names with the digests and sizes the OCI side of a Docker 25 archive declares for them. */
async function layerRefs(store: BlobStore, entry: SaveEntry, image: Image): Promise<LayerRef[]> {
  const refs: LayerRef[] = entry.layers.map((name) => ({ name, digest: digestFromPath(name) }));
  if (!image.id || !(await store.locate('index.json'))) return refs;
  for (const candidate of await listManifests(store, image.diagnostics)) {
    const manifest = await readManifest(store, candidate.descriptor, image.diagnostics);
    if (manifest?.config.digest !== image.id) continue;
    image.digest = candidate.descriptor.digest;
    return refs.map((ref, i) => {
      const declared = manifest.layers[i];
      return declared && declared.digest === ref.digest
        ? { ...ref, size: declared.size, mediaType: declared.mediaType }
        : ref;
    });
  }
  return refs;
}
