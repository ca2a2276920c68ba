import type { BlobRef, Image } from './model.js';

/**
 * A root filesystem with no image around it: a folder (an unpacked image, a chroot) or a flat
 * tar such as `docker export` writes. One layer, no config.
 */
export function rootfsImage(path: string, tar?: BlobRef): Image {
  return {
    source: { kind: 'rootfs', path, archive: tar !== undefined },
    repoTags: [],
    layers: [
      {
        index: 0,
        size: tar?.size ?? 0,
        source: tar ? { kind: 'blob', blob: tar } : { kind: 'directory', root: path },
      },
    ],
    diagnostics: [],
  };
}
