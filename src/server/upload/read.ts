import { createHash } from 'node:crypto';
import type { ScanContext, ScanUpload } from '../../store/upload.js';
import { isCycloneDx, readCycloneDx } from './cyclonedx.js';
import { UploadError, type UploadErrorCode } from './errors.js';
import { isGatehouseReport, readGatehouseReport } from './gatehouse.js';
import { parseBody } from './json.js';
import { isSarif, readSarif } from './sarif.js';
import { describe, type Json } from './shape.js';
import { isSpdx, readSpdx } from './spdx.js';

export interface ReadUploadOptions {
  /** False for a scan of part of the target (a diff scan): nothing it lacks is closed. Default true. */
  complete?: boolean;
  /** `uploadDigest(body)`, when the caller computed it already. */
  digest?: string;
}

/** What identifies an upload: the SHA-256 of its bytes (inflated), whatever their format. */
export function uploadDigest(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

type Reader = (doc: Json, context: ScanContext, digest: string, complete: boolean) => ScanUpload;

/** Most specific test first: a Gatehouse report is recognised before anything with a `version`. */
const FORMATS: { name: string; is: (doc: Json) => boolean; read: Reader }[] = [
  { name: 'Gatehouse report', is: isGatehouseReport, read: readGatehouseReport },
  { name: 'CycloneDX', is: isCycloneDx, read: readCycloneDx },
  { name: 'SPDX', is: isSpdx, read: readSpdx },
  { name: 'SARIF', is: isSarif, read: readSarif },
];

const ACCEPTED = 'a Gatehouse JSON report, SARIF 2.1.0, CycloneDX JSON or SPDX 2.x JSON';

/**
 * The scan an upload holds, whatever its format (sniffed from the content, not from headers
 * that CI scripts get wrong). Throws `UploadError` and nothing else, whatever the bytes.
 */
export function readUpload(body: Buffer, context: ScanContext, opts: ReadUploadOptions = {}): ScanUpload {
  // Until a reader is chosen, a failure is about the bytes themselves.
  let format = 'the upload';
  let code: UploadErrorCode = 'bad_request';
  try {
    const digest = opts.digest ?? uploadDigest(body);
    const doc = parseBody(body);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw new UploadError(
        'unsupported_format',
        `the JSON is ${describe(doc)}, not an object: send ${ACCEPTED}`,
      );
    const reader = FORMATS.find((f) => f.is(doc as Json));
    if (!reader) throw new UploadError('unsupported_format', unknownFormat(doc as Json));
    format = reader.name;
    code = 'invalid_report';
    return reader.read(doc as Json, context, digest, opts.complete ?? true);
  } catch (err) {
    throw asUploadError(err, format, code);
  }
}

function unknownFormat(doc: Json): string {
  if ('@context' in doc || '@graph' in doc) return `SPDX 3 (JSON-LD) is not supported yet: send ${ACCEPTED}`;
  if ('schemaVersion' in doc && 'findings' in doc)
    return `a JSON report whose tool.name is not "gatehouse" is not supported: send ${ACCEPTED}`;
  return `unrecognised JSON document: send ${ACCEPTED}`;
}

/**
 * A reader's bug must still answer as a 4xx with a message, never as an unhandled error: the
 * document is what made it fail. Stack exhaustion cannot happen below MAX_JSON_DEPTH, but is
 * named if it ever does.
 */
function asUploadError(err: unknown, format: string, code: UploadErrorCode): UploadError {
  if (err instanceof UploadError) return err;
  const message =
    err instanceof RangeError
      ? 'the document is too large or too deeply nested'
      : `could not be read (${(err instanceof Error ? err.message : String(err)).slice(0, 200)})`;
  return new UploadError(code, `${format}: ${message}`, { cause: err });
}
