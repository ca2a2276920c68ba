import type { Diagnostic } from '../../../core/diagnostic.js';
import { type ApplyContext, applyEntry, type VisitOptions } from './apply-entry.js';
import { openBlob } from './blob-store.js';
import { type CollectedFile, ContentCollector, type ContentOptions } from './contents.js';
import type { Compression } from './decompress.js';
import { diag, layerName, shortDigest } from './diagnostics.js';
import { readLayerStream } from './layer-stream.js';
import { LayeredFs } from './layered-fs.js';
import type { BlobRef, Image, ImageLayer } from './model.js';
import { rootfsEntries } from './rootfs-walk.js';

export interface ReadImageOptions {
  /** Keep the bytes of matching files of the final filesystem (package databases, ...). */
  contents?: ContentOptions;
  /** Hand every regular file of every layer to a callback, one at a time (secrets). */
  visit?: VisitOptions;
  /** Uncompressed bytes per layer before it is abandoned as a decompression bomb. Default 16 GiB. */
  maxLayerBytes?: number;
  signal?: AbortSignal;
}

export interface LayerStatus {
  index: number;
  compression?: Compression;
  /** Digests of what was actually read, when the layer was read to its end. */
  blobDigest?: string;
  diffId?: string;
  /** Read to the end without error. */
  complete: boolean;
  /** Complete, and no digest that could be checked disagreed: its files can be believed. */
  trusted: boolean;
}

export interface ImageFilesystem {
  fs: LayeredFs;
  /** Kept contents of the final filesystem, by path. */
  files: Map<string, CollectedFile>;
  /** Kept contents of matching files a later layer deleted (with `keepDeleted`). */
  deletedFiles: CollectedFile[];
  layers: LayerStatus[];
  /** Problems met while reading the layers (the image's own are in `image.diagnostics`). */
  diagnostics: Diagnostic[];
}

const DEFAULT_MAX_LAYER_BYTES = 16 * 2 ** 30;

/** Streams every layer once, in order, into the layered filesystem, collecting and visiting on the way. */
export async function readImageFilesystem(
  image: Image,
  options: ReadImageOptions = {},
): Promise<ImageFilesystem> {
  const diagnostics: Diagnostic[] = [];
  const fs = new LayeredFs();
  const contents = options.contents ? new ContentCollector(options.contents, diagnostics) : undefined;
  if (contents) fs.onDelete = (file) => contents.onDelete(file);
  const layers: LayerStatus[] = [];
  for (const layer of image.layers) {
    const ctx: ApplyContext = {
      fs,
      layer: layer.index,
      label: `${image.source.path}: ${layerName(layer)}`,
      whiteouts: layer.source.kind !== 'directory',
      contents,
      visit: options.visit,
      diagnostics,
    };
    layers.push(await readLayer(layer, ctx, options, image.source.path));
  }
  return {
    fs,
    files: contents?.files ?? new Map(),
    deletedFiles: contents?.deleted ?? [],
    layers,
    diagnostics,
  };
}

async function readLayer(
  layer: ImageLayer,
  ctx: ApplyContext,
  options: ReadImageOptions,
  where: string,
): Promise<LayerStatus> {
  const source = layer.source;
  if (source.kind === 'missing') return { index: layer.index, complete: false, trusted: false };
  if (source.kind === 'directory') {
    for await (const entry of rootfsEntries(source.root, ctx.diagnostics)) {
      options.signal?.throwIfAborted();
      await applyRootfsEntry(ctx, entry);
    }
    return { index: layer.index, complete: true, trusted: true };
  }
  return readBlobLayer(layer, source.blob, ctx, options, where);
}

async function applyRootfsEntry(ctx: ApplyContext, entry: Parameters<typeof applyEntry>[1]) {
  try {
    await applyEntry(ctx, entry);
  } catch (err) {
    if (typeof (err as { code?: unknown }).code !== 'string') throw err;
    ctx.diagnostics.push(
      diag('warning', 'read-error', `${ctx.label}: ${entry.name}: ${(err as Error).message}`, entry.name),
    );
  }
}

async function readBlobLayer(
  layer: ImageLayer,
  blob: BlobRef,
  ctx: ApplyContext,
  options: ReadImageOptions,
  where: string,
): Promise<LayerStatus> {
  const onEntry = (entry: Parameters<typeof applyEntry>[1]) => {
    options.signal?.throwIfAborted();
    return applyEntry(ctx, entry);
  };
  const read = await readLayerStream(openBlob(blob), onEntry, {
    maxLayerBytes: options.maxLayerBytes ?? DEFAULT_MAX_LAYER_BYTES,
    digest: layer.digest,
    diffId: layer.diffId,
  });
  if (read.failure) {
    ctx.diagnostics.push(diag('error', read.failure.code, `${ctx.label}: ${read.failure.message}`, where));
    return { index: layer.index, compression: read.compression, complete: false, trusted: false };
  }
  const blobOk = verify(ctx, where, 'blob', layer.digest, read.blobDigest);
  const tarOk = verify(ctx, where, 'uncompressed tar', layer.diffId, read.tarDigest);
  return {
    index: layer.index,
    compression: read.compression,
    blobDigest: read.blobDigest,
    diffId: read.tarDigest,
    complete: true,
    trusted: blobOk && tarOk,
  };
}

function verify(
  ctx: ApplyContext,
  where: string,
  what: string,
  expected: string | undefined,
  actual: string,
) {
  if (expected === undefined || expected === actual) return true;
  const source = what === 'blob' ? 'manifest' : "config's diff_id";
  const msg = `${ctx.label}: the ${what} has digest ${shortDigest(actual)} but the ${source} says ${shortDigest(expected)}; its files are listed but untrusted`;
  ctx.diagnostics.push(diag('error', 'digest-mismatch', msg, where));
  return false;
}
