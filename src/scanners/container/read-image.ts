import type { Diagnostic } from '../../core/diagnostic.js';
import {
  type Image,
  type ImageFilesystem,
  openImage,
  readImageFilesystem,
  type VisitOptions,
} from './image/index.js';
import { IMAGE_CONTENTS, LayerWatcher } from './image-files.js';
import { type LangPackage, readLangPackages } from './lang-packages/index.js';
import { LayerSecrets } from './layer-secrets.js';
import { type OsPackagesResult, readOsPackages } from './os-packages/index.js';

/** An image read once: its filesystem, its OS and language packages, and what went wrong on the way. */
export interface ImageInventory {
  image: Image;
  filesystem: ImageFilesystem;
  os: OsPackagesResult['os'];
  osPackages: OsPackagesResult['packages'];
  langPackages: LangPackage[];
  watcher: LayerWatcher;
  secrets: LayerSecrets;
  diagnostics: Diagnostic[];
}

export interface ReadInventoryOptions {
  /** For a multi-platform image: `linux/arm64/v8`. */
  platform?: string;
  signal?: AbortSignal;
  /** The path is a layout pulled from a registry: its reference, and what the pull reported. */
  pulled?: { reference: string; diagnostics: Diagnostic[] };
}

/** Opens the image and streams its layers once, for the package readers and the hardening checks alike. */
export async function readImageInventory(
  path: string,
  options: ReadInventoryOptions = {},
): Promise<ImageInventory> {
  const image = await openImage(path, {
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.pulled ? { pulledAs: options.pulled.reference } : {}),
  });
  image.diagnostics.unshift(...(options.pulled?.diagnostics ?? []));
  const watcher = new LayerWatcher();
  const secrets = new LayerSecrets();
  const filesystem = await readImageFilesystem(image, {
    contents: IMAGE_CONTENTS,
    visit: bothVisits(watcher, secrets),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const bytes = new Map([...filesystem.files].map(([p, f]) => [p, f.content]));
  const os = readOsPackages(bytes);
  const lang = await readLangPackages(bytes);
  const binaries = watcher.binaryPackages(filesystem.fs);
  return {
    image,
    filesystem,
    os: os.os,
    osPackages: os.packages,
    langPackages: lang.packages.concat(binaries.packages),
    watcher,
    secrets,
    diagnostics: [
      ...image.diagnostics,
      ...filesystem.diagnostics,
      ...os.diagnostics,
      ...lang.diagnostics,
      ...binaries.diagnostics,
    ],
  };
}

/** The one pass over every layer's files feeds the package watcher and the secrets search alike. */
function bothVisits(watcher: LayerWatcher, secrets: LayerSecrets): VisitOptions {
  const packages = watcher.visit;
  return {
    match: (path, entry) => (packages.match?.(path, entry) ?? false) || secrets.wants(path, entry),
    ...(packages.maxFileBytes === undefined ? {} : { maxFileBytes: packages.maxFileBytes }),
    onFile: (file) => {
      if (secrets.wants(file.path, file.entry) && !file.truncated) secrets.scan(file);
      return packages.match?.(file.path, file.entry) ? packages.onFile(file) : undefined;
    },
  };
}
