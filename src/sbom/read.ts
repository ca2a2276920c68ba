import type { Package } from '../core/package.js';
import { MAX_SBOM_BYTES, SbomError, type SbomWarning } from './errors.js';
import { readCycloneDx } from './read-cyclonedx.js';
import { readSpdx } from './read-spdx.js';

export interface SbomReadResult {
  packages: Package[];
  format: 'cyclonedx' | 'spdx';
  /** As the document states it: `1.6`, `SPDX-2.3`. */
  specVersion: string;
  warnings: SbomWarning[];
}

export interface ReadSbomOptions {
  maxBytes?: number;
}

/**
 * The packages an SBOM lists: CycloneDX 1.2–1.7 JSON or SPDX 2.2/2.3 JSON. XML, tag-value and
 * YAML encodings are refused with a message saying so. Throws `SbomError` (naming `path`) for
 * anything it cannot read; components it can read but not use (no purl, an ecosystem without
 * a vulnerability database) are left out and summarised in `warnings`.
 */
export function readSbom(text: string, path: string, options: ReadSbomOptions = {}): SbomReadResult {
  const maxBytes = options.maxBytes ?? MAX_SBOM_BYTES;
  if (utf8Length(text, maxBytes) > maxBytes) {
    throw new SbomError(path, `larger than ${maxBytes} bytes; refusing to parse it`);
  }
  const json = parseJson(text.replace(/^\uFEFF/, ''), path);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new SbomError(path, 'not an SBOM: the JSON is not an object');
  }
  if ('bomFormat' in json) {
    return { format: 'cyclonedx', ...readCycloneDx(json, path) };
  }
  if ('spdxVersion' in json) {
    return { format: 'spdx', ...readSpdx(json, path) };
  }
  const hint = '@context' in json ? ' (SPDX 3 JSON-LD is not supported)' : '';
  throw new SbomError(path, `not an SBOM: neither CycloneDX ("bomFormat") nor SPDX ("spdxVersion")${hint}`);
}

/** The UTF-8 size, counted only when the length alone cannot settle the comparison with `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

function parseJson(text: string, path: string): unknown {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    throw new SbomError(path, 'XML SBOMs are not supported; export the SBOM as JSON (CycloneDX or SPDX)');
  }
  if (/^(?:SPDXVersion|spdxVersion):/m.test(start.slice(0, 4096))) {
    throw new SbomError(path, 'SPDX tag-value and YAML are not supported; export the SBOM as SPDX JSON');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SbomError(path, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}
