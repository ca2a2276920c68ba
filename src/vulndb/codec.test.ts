import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, PLAIN_LIMIT } from './codec.js';

const record = (details: string) => ({ id: 'GHSA-1', modified: '2024-01-01T00:00:00Z', details });

describe('record codec', () => {
  it('keeps small records as JSON text', () => {
    const r = record('short');
    expect(encodeRecord(r)).toBe(JSON.stringify(r));
    expect(decodeRecord(encodeRecord(r))).toEqual(r);
  });

  it('deflates large records and restores them exactly', () => {
    const r = record(`Ünïcödé ${'a long description '.repeat(PLAIN_LIMIT / 10)}`);
    const stored = encodeRecord(r);
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(stored.length).toBeLessThan(JSON.stringify(r).length / 4);
    expect(decodeRecord(stored)).toEqual(r);
  });
});
