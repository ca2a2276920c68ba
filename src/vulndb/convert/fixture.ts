import { readFileSync } from 'node:fs';
import type { SourceFile } from './types.js';

/** A fixture file of test/fixtures/sca/vulndb/corpus as a converter receives it. */
export function corpusFile(rel: string, mtime = new Date('2025-01-01T00:00:00Z')): SourceFile {
  const url = new URL(`../../../test/fixtures/sca/vulndb/corpus/${rel}`, import.meta.url);
  return { path: rel, text: readFileSync(url, 'utf8'), mtime };
}

export const MTIME = new Date('2025-01-01T00:00:00Z');
