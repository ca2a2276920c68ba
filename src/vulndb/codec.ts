import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { OsvRecord } from './osv.js';

/**
 * Records up to this size are stored as plain JSON text. Inflating costs tens of
 * microseconds per call whatever the size, more than parsing a small record, and small
 * records shrink by only about half; large ones (long descriptions, version lists) shrink
 * four- to eight-fold and are worth it.
 */
export const PLAIN_LIMIT = 2048;

/** Plain JSON text, or deflated JSON as a blob: SQLite keeps the two apart by type. */
export function encodeRecord(record: OsvRecord): string | Buffer {
  const json = JSON.stringify(record);
  return json.length <= PLAIN_LIMIT ? json : deflateRawSync(Buffer.from(json, 'utf8'));
}

export function decodeRecord(stored: string | Buffer): OsvRecord {
  const json = typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
  return JSON.parse(json) as OsvRecord;
}
