import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { RawMatch, SecretMatcher } from './engine/matcher.js';

export interface FileOutcome {
  path: string;
  bytes: number;
  matches: RawMatch[];
  skipped?: 'binary';
  error?: string;
}

/** Media, archives and compiled artefacts: never text a person wrote a key into. */
const BINARY_EXTENSIONS =
  /\.(?:png|jpe?g|gif|bmp|ico|webp|avif|tiff?|psd|mp[34]|m4a|mov|avi|mkv|webm|wav|flac|ogg|woff2?|ttf|otf|eot|zip|gz|tgz|bz2|xz|zst|7z|rar|jar|war|ear|class|so|dylib|dll|exe|o|a|lib|pyc|pyo|whl|wasm|pdf|docx?|xlsx?|pptx?|sqlite3?|db|bin|dat|iso|dmg)$/i;

export function isBinaryPath(path: string): boolean {
  return BINARY_EXTENSIONS.test(path);
}

/** Files with a NUL byte in their first 8000 bytes are binary (git's own heuristic). */
export function looksBinary(buf: Uint8Array): boolean {
  return buf.subarray(0, 8000).includes(0);
}

export function scanBuffer(matcher: SecretMatcher, path: string, buf: Buffer): FileOutcome {
  if (looksBinary(buf)) return { path, bytes: buf.length, matches: [], skipped: 'binary' };
  return { path, bytes: buf.length, matches: matcher.scan(buf) };
}

/**
 * One buffer per thread, reused for every file: matches copy what they keep, so the bytes
 * can be overwritten by the next file, and tens of thousands of files cost no allocations.
 */
let scratch = Buffer.allocUnsafe(1024 * 1024);

function readInto(absPath: string): Buffer {
  const fd = openSync(absPath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > scratch.length) scratch = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(size)));
    let n = 0;
    for (let r = -1; n < size && r !== 0; n += r) r = readSync(fd, scratch, n, size - n, n);
    return scratch.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function scanFile(matcher: SecretMatcher, absPath: string, path: string): FileOutcome {
  let buf: Buffer;
  try {
    buf = readInto(absPath);
  } catch (e) {
    return { path, bytes: 0, matches: [], error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  return scanBuffer(matcher, path, buf);
}
