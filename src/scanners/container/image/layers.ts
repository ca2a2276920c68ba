import type { Diagnostic } from '../../../core/diagnostic.js';
import type { BlobStore } from './blob-store.js';
import { diag, layerName } from './diagnostics.js';
import { layerCommands } from './history.js';
import type { ImageConfig, ImageLayer } from './model.js';

/** A layer as the manifest names it, before it is looked up in the store. */
export interface LayerRef {
  name: string;
  digest?: string;
  size?: number;
  mediaType?: string;
}

/**
 * Finds each layer's blob and pairs it with its diff_id and history command. A layer the
 * manifest lists but the archive lacks stays in the list (as `missing`), so layer numbers in
 * messages and findings keep matching `docker history`.
 */
export async function locateLayers(
  store: BlobStore,
  refs: LayerRef[],
  config: ImageConfig | undefined,
  diagnostics: Diagnostic[],
): Promise<ImageLayer[]> {
  const where = store.path;
  if (config && config.diffIds.length !== refs.length) {
    const msg = `${where}: the manifest lists ${refs.length} layers but the config has ${config.diffIds.length} diff_ids`;
    diagnostics.push(diag('error', 'layer-count-mismatch', msg, where));
  }
  const commands = layerCommands(config?.history ?? [], refs.length, where, diagnostics);
  const layers: ImageLayer[] = [];
  for (const [index, ref] of refs.entries()) {
    const layer: ImageLayer = {
      index,
      digest: ref.digest,
      diffId: config?.diffIds[index],
      size: ref.size ?? 0,
      mediaType: ref.mediaType,
      createdBy: commands[index],
      source: { kind: 'missing' },
    };
    const blob = await store.locate(ref.name);
    if (blob) {
      layer.source = { kind: 'blob', blob };
      checkSize(layer, ref, blob.size, where, diagnostics);
      layer.size = blob.size;
    } else {
      const msg = `${where}: ${layerName(layer)} is listed by the manifest as ${ref.name} but is missing from the image`;
      diagnostics.push(diag('error', 'layer-missing', msg, where));
    }
    layers.push(layer);
  }
  return layers;
}

function checkSize(
  layer: ImageLayer,
  ref: LayerRef,
  actual: number,
  where: string,
  diagnostics: Diagnostic[],
) {
  if (ref.size === undefined || ref.size === actual) return;
  const msg = `${where}: ${layerName(layer)} is ${actual} bytes but the manifest says ${ref.size}`;
  diagnostics.push(diag('error', 'size-mismatch', msg, where));
}
