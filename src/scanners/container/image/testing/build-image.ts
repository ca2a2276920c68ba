import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pack } from 'tar-stream';
import type { Compression } from '../decompress.js';
import { compress, type FileSpec, LAYER_MEDIA_TYPES, packLayer } from './layer-tar.js';

export { type FileSpec, zstdAvailable } from './layer-tar.js';

/**
 * Builds real images from an in-memory description, for tests of the readers and of whatever
 * reads images later (package readers, hardening checks, secrets in layers).
 */
export interface LayerSpec {
  files: Record<string, FileSpec>;
  createdBy?: string;
  compression?: Compression;
  /** The blob bytes as-is, instead of packing `files` (truncated, not a tar, a bomb...). */
  blob?: Buffer;
  /** A layer tar made elsewhere (by the tar program, from a real root filesystem), compressed as packed ones are. */
  tar?: Buffer;
}

export interface ImageSpec {
  layers: LayerSpec[];
  /** Container config fields as docker writes them: User, Env, ExposedPorts, Healthcheck, Cmd... */
  config?: Record<string, unknown>;
  /** Replaces the history made from the layers' `createdBy`. */
  history?: { created_by?: string; empty_layer?: boolean }[];
  repoTags?: string[];
  platform?: { os: string; architecture: string; variant?: string };
  /** Default compression of the layers in OCI layouts (`docker save` layers are always plain). */
  compression?: Compression;
}

export interface BuiltLayer {
  blob: Buffer;
  tar: Buffer;
  digest: string;
  diffId: string;
  mediaType: string;
}

export interface BuiltImage {
  spec: ImageSpec;
  layers: BuiltLayer[];
  config: Buffer;
  configDigest: string;
  manifest: Buffer;
  manifestDigest: string;
}

export type Files = Map<string, Buffer>;
export type Format = 'docker' | 'docker25' | 'oci-dir' | 'oci-tar';

export const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const hex = (digest: string) => digest.slice('sha256:'.length);
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const INDEX = 'application/vnd.oci.image.index.v1+json';

export async function buildParts(spec: ImageSpec, layerCompression?: Compression): Promise<BuiltImage> {
  const layers: BuiltLayer[] = [];
  for (const l of spec.layers) {
    const how = layerCompression ?? l.compression ?? spec.compression ?? 'gzip';
    const tar = l.blob ?? l.tar ?? (await packLayer(l.files));
    const blob = l.blob ?? compress(tar, how);
    layers.push({ blob, tar, digest: sha256(blob), diffId: sha256(tar), mediaType: LAYER_MEDIA_TYPES[how] });
  }
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' };
  const config = json({
    ...platform,
    config: spec.config ?? {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: spec.history ?? spec.layers.map((l, i) => ({ created_by: l.createdBy ?? `layer ${i}` })),
  });
  const manifest = json({
    schemaVersion: 2,
    mediaType: MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(config),
      size: config.length,
    },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.blob.length })),
  });
  return { spec, layers, config, configDigest: sha256(config), manifest, manifestDigest: sha256(manifest) };
}

/** Legacy `docker save` (before Docker 25): `<id>/layer.tar`, `<config hex>.json`, manifest.json. */
export function dockerLegacyFiles(built: BuiltImage): Files {
  const files: Files = new Map();
  const layerNames = built.layers.map((l) => `${hex(l.diffId)}/layer.tar`);
  built.layers.forEach((l, i) => {
    files.set(`${hex(l.diffId)}/VERSION`, Buffer.from('1.0'));
    files.set(layerNames[i]!, l.tar);
  });
  files.set(`${hex(built.configDigest)}.json`, built.config);
  const RepoTags = built.spec.repoTags ?? [];
  files.set(
    'manifest.json',
    json([{ Config: `${hex(built.configDigest)}.json`, RepoTags, Layers: layerNames }]),
  );
  return files;
}

/** Docker 25+ `docker save`: one tar that is both a `docker save` archive and an OCI layout. */
export function docker25Files(built: BuiltImage): Files {
  const files = ociFiles([built]);
  const Layers = built.layers.map((l) => `blobs/sha256/${hex(l.digest)}`);
  const RepoTags = built.spec.repoTags ?? [];
  files.set('manifest.json', json([{ Config: `blobs/sha256/${hex(built.configDigest)}`, RepoTags, Layers }]));
  return files;
}

/** An OCI layout; several images become platforms of one image index, as buildx writes them. */
export function ociFiles(images: BuiltImage[]): Files {
  const files: Files = new Map([['oci-layout', json({ imageLayoutVersion: '1.0.0' })]]);
  for (const b of images) {
    files.set(`blobs/sha256/${hex(b.configDigest)}`, b.config);
    files.set(`blobs/sha256/${hex(b.manifestDigest)}`, b.manifest);
    for (const l of b.layers) files.set(`blobs/sha256/${hex(l.digest)}`, l.blob);
  }
  const descriptors = images.map((b) => ({
    mediaType: MANIFEST,
    digest: b.manifestDigest,
    size: b.manifest.length,
    ...(images.length > 1 ? { platform: b.spec.platform } : {}),
  }));
  const tag = images[0]?.spec.repoTags?.[0];
  const annotations = tag
    ? { 'io.containerd.image.name': tag, 'org.opencontainers.image.ref.name': tag.split(':').pop() }
    : undefined;
  const top = images.length > 1 ? indexBlob(files, descriptors) : descriptors[0]!;
  files.set('index.json', json({ schemaVersion: 2, mediaType: INDEX, manifests: [{ ...top, annotations }] }));
  return files;
}

function indexBlob(files: Files, manifests: unknown[]) {
  const blob = json({ schemaVersion: 2, mediaType: INDEX, manifests });
  files.set(`blobs/sha256/${hex(sha256(blob))}`, blob);
  return { mediaType: INDEX, digest: sha256(blob), size: blob.length };
}

export async function writeTar(files: Files, path: string): Promise<void> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of p) chunks.push(chunk as Buffer);
  })();
  for (const [name, body] of files) p.entry({ name, mode: 0o644, mtime: new Date(0) }, body);
  p.finalize();
  await done;
  await writeFile(path, Buffer.concat(chunks));
}

export function writeFolder(files: Files, dir: string): void {
  for (const [name, body] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
}

/** Writes the image (or, given several, a multi-platform OCI index) in `format` under `dir`. */
export async function buildImage(
  spec: ImageSpec | ImageSpec[],
  format: Format,
  dir: string,
  tamper?: (files: Files, built: BuiltImage[]) => void,
): Promise<{ path: string; built: BuiltImage[] }> {
  const specs = Array.isArray(spec) ? spec : [spec];
  const docker = format === 'docker' || format === 'docker25';
  const built = await Promise.all(specs.map((s) => buildParts(s, docker ? 'none' : undefined)));
  const files =
    format === 'docker'
      ? dockerLegacyFiles(built[0]!)
      : format === 'docker25'
        ? docker25Files(built[0]!)
        : ociFiles(built);
  tamper?.(files, built);
  const path = join(
    dir,
    `${format}-${Math.random().toString(36).slice(2)}${format === 'oci-dir' ? '' : '.tar'}`,
  );
  if (format === 'oci-dir') writeFolder(files, path);
  else await writeTar(files, path);
  return { path, built };
}

/** A fresh temp folder and its cleanup, for `beforeAll`/`afterAll`. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-img-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
