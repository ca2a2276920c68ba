import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../../core/errors.js';
import { folderStore, readBlob, tarStore } from './blob-store.js';
import { sniffCompression } from './decompress.js';
import { diag } from './diagnostics.js';
import { readDockerArchive } from './docker-archive.js';
import type { Image, OpenImageOptions, Platform } from './model.js';
import { readOciLayout } from './oci-layout.js';
import { formatPlatform, parsePlatform, platformMatches } from './platform.js';
import { rootfsImage } from './rootfs.js';
import { indexTar } from './tar-index.js';

const EXPECTED = 'a `docker save` tarball, an OCI image layout (folder or tar), or a root filesystem folder';

/**
 * Reads an image's metadata (config, tags, digests, the list of layers) without reading any
 * layer. Which kind of image it is comes from what the path holds: a folder with `index.json`
 * or `oci-layout` is an OCI layout, one with `manifest.json` and no `etc` an unpacked
 * `docker save`, any other folder a root filesystem; a tar is `docker save` when it has
 * `manifest.json`, an OCI layout when it has `index.json`, else a flat root filesystem.
 * Damaged content gives diagnostics on the image; only a path that cannot be read throws.
 */
export async function openImage(path: string, options: OpenImageOptions = {}): Promise<Image> {
  const wanted = options.platform === undefined ? undefined : parsePlatform(options.platform);
  const st = await stat(path).catch(() => {
    throw new UserError(`${path} does not exist or cannot be reached: expected ${EXPECTED}`);
  });
  await access(path, constants.R_OK).catch(() => {
    throw new UserError(`${path} is not readable: expected ${EXPECTED}`);
  });
  if (!st.isDirectory() && !st.isFile()) {
    throw new UserError(`${path} is neither a file nor a folder: expected ${EXPECTED}`);
  }
  const image = st.isDirectory() ? await openFolder(path, options) : await openTar(path, options);
  if (options.pulledAs) image.source = { kind: 'registry', path: options.pulledAs, archive: false };
  if (wanted) checkPlatform(image, wanted);
  return image;
}

/** An image with one platform is read whatever was asked; it says so when that differs. */
function checkPlatform(image: Image, wanted: Platform) {
  if (!image.platform || platformMatches(image.platform, wanted)) return;
  const path = image.source.path;
  const msg = `${path} is for ${formatPlatform(image.platform)}, not the ${formatPlatform(wanted)} asked for; read anyway`;
  image.diagnostics.push(diag('warning', 'platform-mismatch', msg, path));
}

async function openFolder(path: string, options: OpenImageOptions): Promise<Image> {
  const has = (name: string) =>
    stat(join(path, name)).then(
      () => true,
      () => false,
    );
  if ((await has('index.json')) || (await has('oci-layout')))
    return readOciLayout(folderStore(path, options.pulledAs), options);
  if ((await has('manifest.json')) && !(await has('etc')))
    return readDockerArchive(folderStore(path), options);
  return rootfsImage(path);
}

async function openTar(path: string, options: OpenImageOptions): Promise<Image> {
  const index = await indexTar(path);
  if (!index.isTar) throw new UserError(await notATar(path));
  const store = tarStore(index);
  const image = index.members.has('manifest.json')
    ? await readDockerArchive(store, options)
    : index.members.has('index.json')
      ? await readOciLayout(store, options)
      : rootfsImage(path, { file: path, offset: 0, size: (await stat(path)).size });
  image.diagnostics.unshift(...index.diagnostics);
  return image;
}

async function notATar(path: string): Promise<string> {
  const compression = sniffCompression(await readBlob({ file: path, offset: 0, size: 4 }, 4));
  if (compression !== 'none') {
    return `${path} is ${compression}-compressed: decompress it first, then pass the tar; expected ${EXPECTED}`;
  }
  return `${path} is not a tar archive: expected ${EXPECTED}`;
}
