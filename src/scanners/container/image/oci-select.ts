import type { Diagnostic } from '../../../core/diagnostic.js';
import { UserError } from '../../../core/errors.js';
import type { BlobStore } from './blob-store.js';
import { diag } from './diagnostics.js';
import { blobPath } from './digest.js';
import { readJsonBlob } from './json-blob.js';
import { isObj } from './json-shape.js';
import type { OpenImageOptions } from './model.js';
import { type Descriptor, IMAGE_NAME, isIndexType, parseDescriptors, REF_NAME } from './oci-descriptor.js';
import { DEFAULT_PLATFORM, formatPlatform, parsePlatform, platformMatches } from './platform.js';

/** One image manifest the layout offers, with the names its top-level entry carries. */
export interface Candidate {
  descriptor: Descriptor;
  /** The full name (`io.containerd.image.name`), then the ref name (`org.opencontainers.image.ref.name`). */
  names: string[];
}

const MAX_INDEX_DEPTH = 4;

/** Every image manifest reachable from `index.json`, nested indexes expanded, attestations left out. */
export async function listManifests(store: BlobStore, diagnostics: Diagnostic[]): Promise<Candidate[]> {
  const index = await readJsonBlob(store, 'index.json', 'image index', diagnostics);
  if (index === undefined) return [];
  const descriptors = isObj(index) ? parseDescriptors(index.manifests) : undefined;
  if (!descriptors) {
    const msg = `${store.path}: index.json has no valid "manifests" list of descriptors`;
    diagnostics.push(diag('error', 'invalid-index', msg, store.path));
    return [];
  }
  const out: Candidate[] = [];
  for (const d of descriptors) {
    const names = [d.annotations[IMAGE_NAME], d.annotations[REF_NAME]].filter((n): n is string => !!n);
    await expand(store, d, names, 0, diagnostics, out);
  }
  return out;
}

async function expand(
  store: BlobStore,
  d: Descriptor,
  names: string[],
  depth: number,
  diagnostics: Diagnostic[],
  out: Candidate[],
): Promise<void> {
  if (d.annotations['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown')
    return;
  if (!isIndexType(d.mediaType)) {
    out.push({ descriptor: d, names });
    return;
  }
  if (depth >= MAX_INDEX_DEPTH) {
    diagnostics.push(
      diag('error', 'invalid-index', `${store.path}: image indexes nest too deep`, store.path),
    );
    return;
  }
  const expected = { digest: d.digest, size: d.size };
  const nested = await readJsonBlob(store, blobPath(d.digest), 'image index', diagnostics, expected);
  const children = isObj(nested) ? parseDescriptors(nested.manifests) : undefined;
  if (!children) {
    if (nested !== undefined) {
      const msg = `${store.path}: image index ${d.digest} has no valid "manifests" list`;
      diagnostics.push(diag('error', 'invalid-index', msg, store.path));
    }
    return;
  }
  for (const child of children) await expand(store, child, names, depth + 1, diagnostics, out);
}

/**
 * The manifest to read: the one named by `reference`, for the wanted platform (linux/amd64 unless
 * told otherwise). Options nothing matches are the user's mistake, so they throw, naming what is there.
 */
export function chooseManifest(
  candidates: Candidate[],
  options: OpenImageOptions,
  where: string,
  diagnostics: Diagnostic[],
): Candidate | undefined {
  const named = byReference(candidates, options.reference, where);
  if (named.length === 0) return undefined;
  if (options.platform) {
    const wanted = parsePlatform(options.platform);
    const found = named.find((c) => platformMatches(c.descriptor.platform ?? {}, wanted));
    // A lone manifest that does not say its platform is not known to be the wrong one.
    const unlabelled = named.length === 1 && !named[0]!.descriptor.platform ? named[0] : undefined;
    if (found ?? unlabelled) return found ?? unlabelled;
    throw new UserError(`${where} has no image for platform ${options.platform}; it has ${platforms(named)}`);
  }
  if (named.length === 1) return named[0];
  const preferred =
    named.find((c) => platformMatches(c.descriptor.platform ?? {}, DEFAULT_PLATFORM)) ?? named[0]!;
  if (!preferred.descriptor.platform || !platformMatches(preferred.descriptor.platform, DEFAULT_PLATFORM)) {
    const msg = `${where} holds ${named.length} images (${platforms(named)}); read the first, choose another by platform or reference`;
    diagnostics.push(diag('warning', 'several-images', msg, where));
  }
  return preferred;
}

function byReference(candidates: Candidate[], reference: string | undefined, where: string): Candidate[] {
  if (reference === undefined) return candidates;
  const found = candidates.filter((c) => c.names.some((n) => n === reference || n.endsWith(`/${reference}`)));
  if (found.length > 0) return found;
  const names = [...new Set(candidates.flatMap((c) => c.names))];
  throw new UserError(
    `${where} has no image named ${reference}; it has ${names.join(', ') || 'no named images'}`,
  );
}

function platforms(candidates: Candidate[]): string {
  return candidates.map((c) => formatPlatform(c.descriptor.platform ?? {})).join(', ');
}
