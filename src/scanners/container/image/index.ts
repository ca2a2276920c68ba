/**
 * Container images, read without extracting anything to disk.
 *
 * - `openImage(path)` reads what an image is: a `docker save` tarball (legacy or Docker 25+),
 *   an OCI layout (folder or tar, image indexes by platform) or a root filesystem (folder, or a
 *   flat tar like `docker export`). It gives the parsed config, tags, digests and the ordered
 *   layers with their diff_ids and history commands. Tars are indexed by seeking, never buffered.
 * - `readImageFilesystem(image, options)` streams each layer once (gzip, zstd or plain, under
 *   an inflate cap), verifies blob digests and diff_ids, applies whiteouts into a `LayeredFs`
 *   (compact metadata of the final tree, plus every file a later layer deleted), keeps the bytes
 *   of files a predicate selects, and can hand every regular file of every layer to a callback.
 * - `LayeredFs` answers `get`, `children`, `entries`, `deletedFiles` and `resolve` (symlinks
 *   followed inside the image only).
 *
 * Bad image content never throws: it becomes a Diagnostic naming the layer and the path. Only a
 * path that does not exist or cannot be read (or options nothing matches) throws a UserError.
 */
export type { LayerFile, VisitOptions } from './apply-entry.js';
export type { CollectedFile, ContentOptions } from './contents.js';
export type { Compression } from './decompress.js';
export type { EntryType } from './layer-entry.js';
export { type DeletedFile, type EntryMeta, type FsEntry, LayeredFs } from './layered-fs.js';
export type {
  BlobRef,
  Healthcheck,
  HistoryEntry,
  Image,
  ImageConfig,
  ImageLayer,
  ImageSourceKind,
  LayerSource,
  OpenImageOptions,
  Platform,
} from './model.js';
export { openImage } from './open-image.js';
export { formatPlatform, parsePlatform } from './platform.js';
export {
  type ImageFilesystem,
  type LayerStatus,
  type ReadImageOptions,
  readImageFilesystem,
} from './read-image.js';
export { MAX_SYMLINKS, type Resolved } from './resolve.js';
