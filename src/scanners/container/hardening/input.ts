import type { Image, ImageFilesystem } from '../image/index.js';
import type { OsPackagesResult } from '../os-packages/index.js';
import type { HardeningInput } from './types.js';

/** The checks' view of an image read by `openImage`, `readImageFilesystem` and `readOsPackages`. */
export function hardeningInput(
  image: Image,
  filesystem: Pick<ImageFilesystem, 'fs' | 'files'>,
  osPackages: Pick<OsPackagesResult, 'os' | 'packages'>,
): HardeningInput {
  const names = [...image.repoTags, ...(image.reference === undefined ? [] : [image.reference])];
  return {
    ...(image.config ? { config: image.config } : {}),
    names: [...new Set(names)],
    layerCommands: image.layers.map((l) => l.createdBy),
    fs: filesystem.fs,
    files: filesystem.files,
    os: osPackages.os,
    packages: osPackages.packages,
  };
}
