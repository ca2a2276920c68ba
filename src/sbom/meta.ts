import { createHash } from 'node:crypto';

/** What a writer needs to know about the document besides its packages. */
export interface SbomMeta {
  /** The project the SBOM describes (repository or directory name). */
  rootName: string;
  rootVersion?: string;
  tool: { name: string; version: string };
  /** ISO 8601; omitted (CycloneDX) or the Unix epoch (SPDX, where it is required) when not given, so output is reproducible. */
  timestamp?: string;
  /** `urn:uuid:…`; CycloneDX only, omitted when not given. */
  serialNumber?: string;
}

/** `2024-05-01T10:00:00Z`: the form both formats accept (SPDX wants no fractions of a second). */
export function isoSeconds(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a timestamp: "${timestamp}"`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A UUID (RFC 9562 version 8) derived from `text`: the same input, the same id. */
export function derivedUuid(text: string): string {
  const hex = sha256Hex(text).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Letters, digits, `.` and `-` only: the characters SPDX ids allow. */
export function idSafe(text: string, max = 40): string {
  return text
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}
