import { UploadError } from './errors.js';
import { MAX_JSON_DEPTH } from './limits.js';

/**
 * The upload as parsed JSON. Refuses, each with a message saying what to send instead: an
 * empty body, compressed or archived bytes, XML and SPDX tag-value, JSON nested deeper than
 * `MAX_JSON_DEPTH`, and text that is not JSON.
 */
export function parseBody(body: Buffer): unknown {
  refuseBinary(body);
  const text = decode(body);
  const start = text.trimStart();
  if (start === '') throw new UploadError('bad_request', 'the upload is empty');
  refuseOtherText(start);
  checkDepth(text);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UploadError('bad_request', `not valid JSON: ${syntaxMessage(err)}`);
  }
}

function refuseBinary(body: Buffer): void {
  if (body[0] === 0x1f && body[1] === 0x8b)
    throw new UploadError(
      'bad_request',
      'the upload is gzip-compressed: send it with the header Content-Encoding: gzip',
    );
  if (body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04)
    throw new UploadError('unsupported_format', 'the upload is a zip archive: upload the report file itself');
}

/** UTF-8 (a byte order mark is allowed), or UTF-16 when a byte order mark says so (PowerShell writes it). */
function decode(body: Buffer): string {
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder('utf-16le').decode(body.subarray(2));
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder('utf-16be').decode(body.subarray(2));
  const text = body.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function refuseOtherText(start: string): void {
  if (start.startsWith('<'))
    throw new UploadError(
      'unsupported_format',
      'XML is not supported: upload SARIF, CycloneDX or SPDX as JSON, or a Gatehouse JSON report',
    );
  if (/^(?:SPDXVersion|spdxVersion):/m.test(start.slice(0, 4096)))
    throw new UploadError(
      'unsupported_format',
      'SPDX tag-value and YAML are not supported: upload the SBOM as SPDX JSON',
    );
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** One pass over the text counting open brackets outside strings; stops at the first level too deep. */
export function checkDepth(text: string, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = endOfString(text, i);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max)
        throw new UploadError(
          'bad_request',
          `the JSON is nested more than ${max} levels deep (at character ${i}); no report needs that`,
        );
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}

/** The index of the quote closing the string opened at `start`; indexOf keeps megabyte strings cheap. */
function endOfString(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}

/**
 * V8's message, without the excerpt of the input it may quote: the excerpt could hold a secret
 * from the report, and error messages end up in logs.
 */
function syntaxMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/,? (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '').slice(0, 200);
}
