import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../formats/json.js';
import { sampleReport } from '../../formats/test-report.js';
import { readUpload } from './read.js';
import { fixture, uploadError } from './test-fixtures.js';

const context = { project: 'shop', branch: 'main', pipelineId: '42', stage: 'build' };
const json = (doc: unknown) => Buffer.from(JSON.stringify(doc));

describe('readUpload', () => {
  it('sniffs each format from the content', () => {
    const sources = [
      readUpload(Buffer.from(renderJson(sampleReport())), context),
      readUpload(fixture('sarif/semgrep.sarif'), context),
      readUpload(fixture('cyclonedx/image-1.5.json'), context),
      readUpload(fixture('spdx/syft-2.3.json'), context),
    ].map((u) => u.source);
    expect(sources).toEqual(['gatehouse', 'sarif:semgrep-oss', 'cyclonedx', 'spdx']);
  });

  it('reads SARIF without $schema or version, by its runs', () => {
    expect(readUpload(json({ runs: [{ tool: { driver: { name: 'X' } } }] }), context).source).toBe('sarif:x');
  });

  it('keys the upload by the SHA-256 of its bytes, so the same report twice is one scan', () => {
    const body = fixture('sarif/codeql.sarif');
    const upload = readUpload(body, context);
    expect(upload.digest).toBe(createHash('sha256').update(body).digest('hex'));
    expect(readUpload(Buffer.from(body), context).digest).toBe(upload.digest);
    expect(readUpload(Buffer.concat([body, Buffer.from('\n')]), context).digest).not.toBe(upload.digest);
  });

  it("keeps the uploader's context and takes `complete` from the options (default true)", () => {
    const body = fixture('sarif/semgrep.sarif');
    expect(readUpload(body, context).context).toEqual(context);
    expect(readUpload(body, context).complete).toBe(true);
    expect(readUpload(body, context, { complete: false }).complete).toBe(false);
    expect(readUpload(fixture('spdx/syft-2.3.json'), context, { complete: false }).complete).toBe(false);
  });

  it('turns any other failure into an UploadError too', () => {
    const err = uploadError(() => readUpload(undefined as unknown as Buffer, context));
    expect([err.code, err.message]).toEqual([
      'bad_request',
      expect.stringMatching(/^the upload: could not be read/),
    ]);
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it('refuses JSON that is not an object', () => {
    for (const [body, what] of [
      ['[]', 'an array'],
      ['"sarif"', 'a string'],
      ['42', 'a number'],
      ['null', 'null'],
      ['true', 'a boolean'],
    ]) {
      const err = uploadError(() => readUpload(Buffer.from(body!), context));
      expect([err.code, err.message]).toEqual([
        'unsupported_format',
        expect.stringMatching(`^the JSON is ${what}, not an object`),
      ]);
    }
  });

  it('refuses objects of no known format, saying what it accepts', () => {
    const err = uploadError(() => readUpload(json({ hello: 'world' }), context));
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toContain('SARIF 2.1.0, CycloneDX JSON or SPDX 2.x JSON');
    expect(
      uploadError(() =>
        readUpload(json({ '@context': 'https://spdx.org/rdf/3.0.0/spdx-context.jsonld' }), context),
      ).message,
    ).toMatch(/^SPDX 3/);
    expect(
      uploadError(() =>
        readUpload(json({ schemaVersion: '1.1', tool: { name: 'other' }, findings: [] }), context),
      ).message,
    ).toContain('tool.name is not "gatehouse"');
  });
});
