import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UploadError } from './errors.js';
import { checkDepth, parseBody } from './json.js';
import { MAX_JSON_DEPTH } from './limits.js';

function failure(body: Buffer | string): UploadError {
  try {
    parseBody(typeof body === 'string' ? Buffer.from(body) : body);
  } catch (err) {
    expect(err).toBeInstanceOf(UploadError);
    return err as UploadError;
  }
  throw new Error('expected parseBody to throw');
}

describe('parseBody', () => {
  it('parses UTF-8 JSON, with or without a byte order mark', () => {
    expect(parseBody(Buffer.from('{"a":[1,"é"]}'))).toEqual({ a: [1, 'é'] });
    expect(parseBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]))).toEqual({
      a: 1,
    });
  });

  it('parses UTF-16 when a byte order mark says so', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"ü"}', 'utf16le')]);
    expect(parseBody(le)).toEqual({ a: 'ü' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(parseBody(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ a: 'ü' });
  });

  it('refuses an empty body', () => {
    for (const body of ['', '   \n\t ']) {
      const err = failure(body);
      expect(err.code).toBe('bad_request');
      expect(err.message).toBe('the upload is empty');
    }
  });

  it('tells the uploader to declare gzip instead of sending it raw', () => {
    const err = failure(gzipSync('{"runs":[]}'));
    expect(err.code).toBe('bad_request');
    expect(err.message).toContain('Content-Encoding: gzip');
  });

  it('refuses zip archives, XML and SPDX tag-value as unsupported formats', () => {
    expect(failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])).code).toBe('unsupported_format');
    const xml = failure('  <?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>');
    expect([xml.code, xml.message]).toEqual(['unsupported_format', expect.stringContaining('XML')]);
    const tv = failure('SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n');
    expect([tv.code, tv.message]).toEqual(['unsupported_format', expect.stringContaining('tag-value')]);
  });

  it('refuses truncated or broken JSON with the parser position', () => {
    const err = failure('{"runs": [{"tool": {"driver": {"name": "x"}}');
    expect(err.code).toBe('bad_request');
    expect(err.message).toMatch(/^not valid JSON: /);
    expect(failure('{"a": 1,}').message).toMatch(/position \d+/);
  });

  it('does not quote the document in its error (it may hold a secret)', () => {
    const secret = 'AKIAZ7QX3MPLK2VB4N8R';
    for (const body of [`{"a": "${secret}" x}`, `${secret}`, `{"k": ${secret}}`, `["${secret}",]`]) {
      expect(failure(body).message).not.toContain(secret.slice(1));
    }
  });
});

describe('checkDepth', () => {
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('accepts the maximum depth and refuses one more, naming the limit', () => {
    expect(() => checkDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(`more than ${MAX_JSON_DEPTH} levels`);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = `{"a": "${'['.repeat(1000)}", "b": "\\"${'{'.repeat(1000)}\\""}`;
    expect(() => checkDepth(text, 2)).not.toThrow();
    expect(() => checkDepth(`{"a": "\\\\", "b": [[[]]]}`, 3)).toThrow(UploadError);
  });

  it('refuses 50 MB of nested arrays quickly, before parsing', () => {
    const body = Buffer.from('['.repeat(50 * 1024 * 1024));
    const started = Date.now();
    const err = failure(body);
    expect(err.code).toBe('bad_request');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
