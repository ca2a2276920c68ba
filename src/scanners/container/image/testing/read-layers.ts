import type { Diagnostic } from '../../../../core/diagnostic.js';
import { openImage } from '../open-image.js';
import { type ImageFilesystem, type ReadImageOptions, readImageFilesystem } from '../read-image.js';
import { buildImage, type FileSpec, type Format, type ImageSpec } from './build-image.js';

/** Builds an image from the layers' files, opens it and reads its filesystem: real bytes end to end. */
export async function readLayers(
  dir: string,
  layers: Record<string, FileSpec>[] | ImageSpec,
  options: ReadImageOptions = {},
  format: Format = 'oci-dir',
): Promise<ImageFilesystem & { imageDiagnostics: Diagnostic[] }> {
  const spec = Array.isArray(layers) ? { layers: layers.map((files) => ({ files })) } : layers;
  const { path } = await buildImage(spec, format, dir);
  const image = await openImage(path);
  return { ...(await readImageFilesystem(image, options)), imageDiagnostics: image.diagnostics };
}
