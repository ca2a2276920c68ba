import type { Diagnostic } from '../../../core/diagnostic.js';
import { type BlobStore, readBlob } from './blob-store.js';
import { diag, shortDigest } from './diagnostics.js';
import { digestOf } from './digest.js';

/** Manifests and configs are kilobytes; anything past this is not one. */
const MAX_JSON_BYTES = 16 << 20;

export interface Expected {
  digest?: string;
  size?: number;
}

/**
 * Reads and parses one of the layout's JSON documents, checking it against the digest and size
 * that point at it. Undefined (with a diagnostic) when it is missing, too big or not JSON; a
 * digest or size mismatch is reported but the document is still returned.
 */
export async function readJsonBlob(
  store: BlobStore,
  name: string,
  what: string,
  diagnostics: Diagnostic[],
  expected: Expected = {},
): Promise<unknown> {
  const where = `${store.path}: ${what} ${name}`;
  const ref = await store.locate(name);
  if (!ref) {
    diagnostics.push(diag('error', 'blob-missing', `${where} is missing from the image`, store.path));
    return undefined;
  }
  if (ref.size > MAX_JSON_BYTES) {
    diagnostics.push(
      diag('error', 'blob-too-large', `${where} is ${ref.size} bytes, too big to be one`, store.path),
    );
    return undefined;
  }
  if (expected.size !== undefined && expected.size !== ref.size) {
    const msg = `${where} is ${ref.size} bytes but its descriptor says ${expected.size}`;
    diagnostics.push(diag('error', 'size-mismatch', msg, store.path));
  }
  const bytes = await readBlob(ref, ref.size);
  checkDigest(bytes, where, store.path, diagnostics, expected.digest);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    const msg = `${where} is not valid JSON (${(err as Error).message})`;
    diagnostics.push(diag('error', 'invalid-json', msg, store.path));
    return undefined;
  }
}

function checkDigest(
  bytes: Buffer,
  where: string,
  path: string,
  diagnostics: Diagnostic[],
  expected?: string,
) {
  if (!expected) return;
  const actual = digestOf(bytes, expected);
  if (actual === expected) return;
  const msg = `${where} has digest ${shortDigest(actual)}, not ${shortDigest(expected)}: its content cannot be trusted`;
  diagnostics.push(diag('error', 'digest-mismatch', msg, path));
}
