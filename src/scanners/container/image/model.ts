import type { Diagnostic } from '../../../core/diagnostic.js';

export type ImageSourceKind = 'docker-archive' | 'oci-layout' | 'rootfs' | 'registry';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface HistoryEntry {
  created?: string;
  createdBy?: string;
  comment?: string;
  emptyLayer: boolean;
}

/** Durations in nanoseconds, as the config stores them. */
export interface Healthcheck {
  test: string[];
  interval?: number;
  timeout?: number;
  startPeriod?: number;
  retries?: number;
}

/** The parts of the image config the scanners read; absent fields are empty, never guessed. */
export interface ImageConfig {
  platform: Partial<Platform>;
  user?: string;
  env: string[];
  exposedPorts: string[];
  healthcheck?: Healthcheck;
  entrypoint?: string[];
  cmd?: string[];
  workingDir?: string;
  labels: Record<string, string>;
  history: HistoryEntry[];
  diffIds: string[];
}

/** Where a blob's bytes lie: a whole file (offset 0) or a member's byte range inside a tar. */
export interface BlobRef {
  file: string;
  offset: number;
  size: number;
}

export type LayerSource =
  | { kind: 'blob'; blob: BlobRef }
  | { kind: 'directory'; root: string }
  | { kind: 'missing' };

export interface ImageLayer {
  index: number;
  /** Expected digest of the blob as stored (absent in legacy `docker save`, whose blobs are named by id). */
  digest?: string;
  /** Expected digest of the uncompressed tar, from the config's `rootfs.diff_ids`. */
  diffId?: string;
  /** Bytes of the blob as stored in the archive. */
  size: number;
  mediaType?: string;
  /** The `created_by` of the history entry that made this layer. */
  createdBy?: string;
  source: LayerSource;
}

export interface Image {
  source: { kind: ImageSourceKind; path: string; archive: boolean };
  repoTags: string[];
  reference?: string;
  /** Digest of the config blob: the image id `docker images` shows. */
  id?: string;
  /** Digest of the manifest, when the source has one: what `docker pull name@digest` takes. */
  digest?: string;
  platform?: Platform;
  config?: ImageConfig;
  layers: ImageLayer[];
  diagnostics: Diagnostic[];
}

export interface OpenImageOptions {
  /** For an image index: which platform, e.g. `linux/arm64/v8`. Default `linux/amd64`. */
  platform?: string;
  /** For an archive holding several images: the tag or ref name to pick. */
  reference?: string;
  /**
   * The path is a layout pulled from a registry under this reference: messages and the report
   * name the reference, not the temporary folder.
   */
  pulledAs?: string;
}
