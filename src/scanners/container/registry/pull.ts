import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { UserError } from '../../../core/errors.js';
import { diag } from '../image/diagnostics.js';
import { blobPath } from '../image/digest.js';
import {
  type Descriptor,
  isIndexType,
  parseDescriptor,
  parseDescriptors,
  REF_NAME,
} from '../image/oci-descriptor.js';
import { type Candidate, chooseManifest } from '../image/oci-select.js';
import { RegistryClient } from './client.js';
import { findCredential } from './credentials.js';
import { type FetchedManifest, fetchManifest } from './manifest-fetch.js';
import { formatReference, manifestKey, parseReference } from './reference.js';
import { httpError } from './registry-error.js';

export interface PullOptions {
  /** For a multi-platform image: `linux/arm64/v8`; default linux/amd64. */
  platform?: string;
  plainHttp?: boolean;
  env?: Record<string, string | undefined>;
  /** The folder the temporary layout is made in (default: the system's temporary folder). */
  tempRoot?: string;
  /** A blob that sends nothing for this long is given up. */
  idleTimeoutMs?: number;
}

/** A pulled image as an OCI layout in a temporary folder, to read and then remove. */
export interface PulledImage {
  layout: string;
  reference: string;
  /** The digest the reference resolved to: the index's for a multi-platform image. */
  digest: string;
  diagnostics: Diagnostic[];
  remove(): Promise<void>;
}

const PARALLEL_BLOBS = 3;
/** Layers that may not be pushed to registries; their bytes live elsewhere, if anywhere. */
const FOREIGN = /\.foreign\.|nondistributable/;

/**
 * Pulls an image through the OCI distribution API into a temporary OCI layout: the manifest for
 * the wanted platform, its config and its layers, stored as sent (compressed). Nothing is
 * extracted: the layout is read like any other, and its digests are verified there. A blob the
 * registry will not give becomes a diagnostic, and the rest of the image is still read.
 */
export async function pullImage(text: string, options: PullOptions = {}): Promise<PulledImage> {
  const ref = parseReference(text);
  if (typeof ref === 'string') throw new UserError(`${text} is not an image reference: ${ref}`);
  const found = await findCredential(ref.registry, options.env);
  const client = new RegistryClient(ref, found, options.plainHttp ? { plainHttp: true } : {});
  const reference = formatReference(ref);
  const diagnostics: Diagnostic[] = [];
  const top = await fetchManifest(client, manifestKey(ref));
  const chosen = isIndexType(top.mediaType)
    ? await platformManifest(client, top, reference, options, diagnostics)
    : undefined;
  const manifest = chosen?.manifest ?? top;
  const layout = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'gatehouse-pull-'));
  try {
    await writeLayout(layout, manifest, chosen?.descriptor, reference);
    const blobs = manifestBlobs(manifest, reference);
    await downloadAll(client, layout, blobs, options.idleTimeoutMs ?? 60_000, reference, diagnostics);
  } catch (e) {
    await rm(layout, { recursive: true, force: true });
    throw e;
  }
  return {
    layout,
    reference,
    digest: top.digest,
    diagnostics,
    remove: () => rm(layout, { recursive: true, force: true }),
  };
}

async function platformManifest(
  client: RegistryClient,
  index: FetchedManifest,
  reference: string,
  options: PullOptions,
  diagnostics: Diagnostic[],
): Promise<{ manifest: FetchedManifest; descriptor: Descriptor }> {
  const descriptors = parseDescriptors(index.json.manifests);
  if (!descriptors) throw new UserError(`${reference}: the image index has no valid "manifests" list`);
  const candidates: Candidate[] = descriptors
    .filter(
      (d) =>
        d.annotations['vnd.docker.reference.type'] !== 'attestation-manifest' && d.platform?.os !== 'unknown',
    )
    .map((descriptor) => ({ descriptor, names: [] }));
  const choice = chooseManifest(
    candidates,
    options.platform ? { platform: options.platform } : {},
    reference,
    diagnostics,
  );
  if (!choice) throw new UserError(`${reference}: the image index lists no image manifest`);
  if (isIndexType(choice.descriptor.mediaType))
    throw new UserError(`${reference}: the image index nests another index, which is not supported`);
  const manifest = await fetchManifest(client, choice.descriptor.digest);
  return { manifest, descriptor: choice.descriptor };
}

async function writeLayout(
  layout: string,
  m: FetchedManifest,
  from: Descriptor | undefined,
  reference: string,
): Promise<void> {
  const descriptor = {
    mediaType: m.mediaType,
    digest: m.digest,
    size: m.bytes.length,
    ...(from?.platform ? { platform: from.platform } : {}),
    annotations: { [REF_NAME]: reference },
  };
  await writeFile(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [descriptor] }));
  await writeBlob(layout, m.digest, m.bytes);
}

async function writeBlob(layout: string, digest: string, bytes: Buffer): Promise<void> {
  const file = join(layout, blobPath(digest));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

/** The config and the layers; a malformed manifest is left for the layout reader to report. */
function manifestBlobs(m: FetchedManifest, reference: string): Descriptor[] {
  const config = parseDescriptor(m.json.config);
  const layers = parseDescriptors(m.json.layers);
  if (!config || !layers)
    throw new UserError(`${reference}: manifest ${m.digest} lacks a valid config or layers list`);
  const seen = new Set<string>();
  return [config, ...layers].filter((d) => !seen.has(d.digest) && seen.add(d.digest));
}

async function downloadAll(
  client: RegistryClient,
  layout: string,
  blobs: Descriptor[],
  idleMs: number,
  reference: string,
  diagnostics: Diagnostic[],
): Promise<void> {
  const queue = [...blobs];
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      if (FOREIGN.test(d.mediaType ?? '')) {
        const msg = `${reference}: layer ${d.digest} is a foreign layer (${d.mediaType}) the registry does not hold; not read`;
        diagnostics.push(diag('warning', 'foreign-layer', msg, reference));
        continue;
      }
      const problem = await downloadBlob(client, layout, d, idleMs);
      if (problem)
        diagnostics.push(diag('error', 'blob-download-failed', `${reference}: ${problem}`, reference));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BLOBS, queue.length) }, worker));
}

/**
 * Streams one blob to its layout file, stopping one byte past its declared size: a registry that
 * sends more is caught by the layout reader's size check, without filling the disk first.
 */
async function downloadBlob(
  client: RegistryClient,
  layout: string,
  d: Descriptor,
  idleMs: number,
): Promise<string | undefined> {
  const what = `blob ${d.digest}`;
  const idle = new AbortController();
  let timer = setTimeout(() => idle.abort(), idleMs);
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), idleMs);
  };
  try {
    const res = await client.send(`blobs/${d.digest}`, {}, idle.signal);
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return httpError(what, res.status, '').message;
    }
    const file = join(layout, blobPath(d.digest));
    await mkdir(dirname(file), { recursive: true });
    let size = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        touch();
        const room = d.size + 1 - size;
        size += chunk.length;
        if (chunk.length < room) return done(null, chunk);
        this.push(chunk.subarray(0, room));
        done(new SizeExceeded());
      },
    });
    try {
      await pipeline(
        Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
        cap,
        createWriteStream(file),
      );
    } catch (e) {
      if (e instanceof SizeExceeded)
        return `${what}: the registry sent more than the ${d.size} bytes the manifest declares`;
      throw e;
    }
    return undefined;
  } catch (e) {
    if (idle.signal.aborted) return `${what}: nothing arrived for ${Math.round(idleMs / 1000)} s; given up`;
    if (e instanceof UserError) return e.message;
    return `${what}: ${(e as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

class SizeExceeded extends Error {}
