import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../core/report.js';
import { renderJson } from '../../formats/json.js';
import { RAW_SECRETS, sampleReport } from '../../formats/test-report.js';
import { UploadError } from './errors.js';
import { readUpload } from './read.js';

const context = { project: 'shop', branch: 'main' };
const reportText = () => renderJson(sampleReport());
// biome-ignore lint/suspicious/noExplicitAny: the report is edited as plain JSON
const edited = (edit: (doc: any) => void) => {
  const doc = JSON.parse(reportText());
  edit(doc);
  return Buffer.from(JSON.stringify(doc));
};

function failure(body: Buffer): UploadError {
  try {
    readUpload(body, context);
  } catch (err) {
    expect(err).toBeInstanceOf(UploadError);
    return err as UploadError;
  }
  throw new Error('expected readUpload to throw');
}

describe('Gatehouse JSON report', () => {
  it('reads the scan: findings as they are, scanners, verdict, tool version and times', () => {
    const report = sampleReport();
    const upload = readUpload(Buffer.from(renderJson(report)), context);
    const doc = JSON.parse(renderJson(report));
    expect(upload.source).toBe('gatehouse');
    expect(upload.complete).toBe(true);
    expect(upload.gateVerdict).toBe(report.gate.verdict);
    expect(upload.toolVersion).toBe(report.tool.version);
    expect([upload.startedAt, upload.finishedAt]).toEqual([
      report.result.startedAt,
      report.result.finishedAt,
    ]);
    expect(upload.scanners).toEqual([
      { name: 'iac', status: 'partial', findings: 4 },
      { name: 'secrets', status: 'ok', findings: 3 },
    ]);
    // biome-ignore lint/suspicious/noExplicitAny: the JSON report's findings
    expect(upload.findings).toEqual(doc.findings.map(({ gate: _gate, ...f }: any) => f));
    expect(upload.findings.every((f) => !('gate' in f))).toBe(true);
  });

  it('carries no raw secret (the report is already redacted)', () => {
    const text = JSON.stringify(readUpload(Buffer.from(reportText()), context));
    for (const secret of RAW_SECRETS) expect(text).not.toContain(secret);
  });

  it('fills the commit and repository the uploader did not give, and keeps those it gave', () => {
    const body = edited((doc) => {
      doc.target.repository = 'https://github.com/acme/shop';
      doc.target.commit = 'a'.repeat(40);
    });
    expect(readUpload(body, context).context).toEqual({
      ...context,
      repository: 'https://github.com/acme/shop',
      commit: 'a'.repeat(40),
    });
    const given = { ...context, commit: 'b'.repeat(40) };
    expect(readUpload(body, given).context.commit).toBe('b'.repeat(40));
  });

  it('takes `complete` from the options', () => {
    expect(readUpload(Buffer.from(reportText()), context, { complete: false }).complete).toBe(false);
  });

  it('names the field the schema refuses, as a JSON path', () => {
    const err = failure(
      edited((doc) => {
        doc.findings[3].severity = 'urgent';
      }),
    );
    expect(err.code).toBe('invalid_report');
    expect(err.message).toMatch(
      /^Gatehouse report findings\[3\]\.severity: must be equal to one of the allowed values/,
    );
    const missing = failure(
      edited((doc) => {
        delete doc.findings[0].location.path;
      }),
    );
    expect(missing.message).toContain("findings[0].location: must have required property 'path'");
  });

  it('refuses unknown fields at the version it knows, accepts them from a newer minor version', () => {
    const extra = (version: string) =>
      edited((doc) => {
        doc.schemaVersion = version;
        doc.findings[0].newField = { any: 'thing' };
      });
    expect(failure(extra(REPORT_SCHEMA_VERSION)).message).toContain(
      'must NOT have additional properties ("newField")',
    );
    const upload = readUpload(extra('1.99'), context);
    expect(upload.findings).toHaveLength(7);
    const wrongType = edited((doc) => {
      doc.schemaVersion = '1.99';
      doc.findings[0].severity = 7;
    });
    expect(failure(wrongType).code).toBe('invalid_report');
  });

  it('refuses another major version', () => {
    const err = failure(
      edited((doc) => {
        doc.schemaVersion = '2.0';
      }),
    );
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toContain('schemaVersion "2.0" is not supported (1.x is)');
    expect(failure(edited((doc) => (doc.schemaVersion = 3))).code).toBe('unsupported_format');
  });

  it('cuts huge text fields instead of storing them whole', () => {
    const upload = readUpload(
      edited((doc) => {
        doc.findings[0].message = 'x'.repeat(5_000_000);
      }),
      context,
    );
    expect(upload.findings[0]!.message.length).toBeLessThan(20_000);
    expect(upload.findings[0]!.message).toMatch(/…\(truncated\)$/);
  });
});
