import { isDigest } from './digest.js';
import { isObj, str } from './json-shape.js';
import type { Platform } from './model.js';

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  platform?: Partial<Platform>;
  annotations: Record<string, string>;
}

export const REF_NAME = 'org.opencontainers.image.ref.name';
export const IMAGE_NAME = 'io.containerd.image.name';

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

export function isIndexType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && INDEX_TYPES.has(mediaType);
}

/** A descriptor whose digest can safely name a blob, or undefined. */
export function parseDescriptor(v: unknown): Descriptor | undefined {
  if (!isObj(v) || !isDigest(v.digest) || typeof v.size !== 'number' || !(v.size >= 0)) return undefined;
  const mediaType = str(v.mediaType);
  return {
    ...(mediaType ? { mediaType } : {}),
    digest: v.digest,
    size: v.size,
    ...(isObj(v.platform) ? { platform: platformOf(v.platform) } : {}),
    annotations: stringRecord(v.annotations),
  };
}

/** The descriptors of an index's `manifests` or a manifest's `layers`; undefined if any is malformed. */
export function parseDescriptors(v: unknown): Descriptor[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.map(parseDescriptor);
  return out.every((d) => d !== undefined) ? (out as Descriptor[]) : undefined;
}

function platformOf(p: Record<string, unknown>): Partial<Platform> {
  const os = str(p.os);
  const architecture = str(p.architecture);
  const variant = str(p.variant);
  return {
    ...(os ? { os } : {}),
    ...(architecture ? { architecture } : {}),
    ...(variant ? { variant } : {}),
  };
}

function stringRecord(v: unknown): Record<string, string> {
  if (!isObj(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
