import { createHash, type Hash } from 'node:crypto';

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * Digests name files in a layout (`blobs/<alg>/<hex>`), so one that does not have exactly the
 * expected form is refused before it can become a path.
 */
export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

export function blobPath(digest: string): string {
  return `blobs/${digest.replace(':', '/')}`;
}

/** The digest a layout path names (`blobs/sha256/<hex>`, or legacy `<hex>.json`), if any. */
export function digestFromPath(path: string): string | undefined {
  const blob = /^(?:\.\/)?blobs\/(sha256|sha512)\/([a-f0-9]+)$/.exec(path);
  if (blob) return checked(`${blob[1]}:${blob[2]}`);
  const legacy = /^(?:\.\/)?([a-f0-9]{64})\.json$/.exec(path);
  return legacy ? `sha256:${legacy[1]}` : undefined;
}

export function hasherFor(digest: string | undefined): Hash {
  return createHash(digest?.startsWith('sha512:') ? 'sha512' : 'sha256');
}

export function digestOf(data: Buffer, like?: string): string {
  const hash = hasherFor(like).update(data).digest('hex');
  return `${like?.startsWith('sha512:') ? 'sha512' : 'sha256'}:${hash}`;
}

export function hashDigest(hash: Hash, like: string | undefined): string {
  return `${like?.startsWith('sha512:') ? 'sha512' : 'sha256'}:${hash.digest('hex')}`;
}

function checked(digest: string): string | undefined {
  return isDigest(digest) ? digest : undefined;
}
