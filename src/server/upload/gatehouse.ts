import type { Finding } from '../../core/finding.js';
import { REPORT_SCHEMA_VERSION } from '../../core/report.js';
import type { ScannerStatus } from '../../core/result.js';
import type { ScanContext, ScanUpload } from '../../store/upload.js';
import { withDefaults } from './context.js';
import { UploadError } from './errors.js';
import { describeError, reportValidator } from './gatehouse-schema.js';
import { boundFinding } from './limits.js';
import type { Json } from './shape.js';

/** The parts of a JSON report (src/formats/json.ts) the server reads; the schema vouches for them. */
interface ReportDoc {
  schemaVersion: string;
  tool: { version: string };
  target: { repository?: string; commit?: string };
  startedAt: string;
  finishedAt: string;
  verdict: string;
  findings: (Finding & { gate?: unknown })[];
  scanners: { name: string; status: ScannerStatus; findings: number }[];
}

export function isGatehouseReport(doc: Json): boolean {
  return 'schemaVersion' in doc && (doc.tool as Json | undefined)?.name === 'gatehouse';
}

/** A Gatehouse JSON report, validated against docs/report-schema.json. */
export function readGatehouseReport(
  doc: Json,
  context: ScanContext,
  digest: string,
  complete: boolean,
): ScanUpload {
  const report = validate(doc);
  return {
    context: withDefaults(context, report.target),
    source: 'gatehouse',
    digest,
    toolVersion: report.tool.version,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    complete,
    gateVerdict: report.verdict,
    scanners: report.scanners.map((s) => ({ name: s.name, status: s.status, findings: s.findings })),
    // The gate's per-finding decision belongs to the CLI's run, not to the finding the server tracks.
    findings: report.findings.map(({ gate: _gate, ...f }) => boundFinding(f)),
  };
}

function validate(doc: Json): ReportDoc {
  const version = typeof doc.schemaVersion === 'string' ? doc.schemaVersion : '';
  const [major, minor] = version.split('.').map(Number);
  const [knownMajor, knownMinor] = REPORT_SCHEMA_VERSION.split('.').map(Number);
  if (!/^\d+\.\d+$/.test(version) || major !== knownMajor)
    throw new UploadError(
      'unsupported_format',
      `Gatehouse report schemaVersion "${version.slice(0, 20)}" is not supported (${knownMajor}.x is)`,
    );
  const check = reportValidator(minor! > knownMinor!);
  if (!check(doc))
    throw new UploadError('invalid_report', `Gatehouse report ${describeError(check.errors![0]!)}`);
  return doc as unknown as ReportDoc;
}
