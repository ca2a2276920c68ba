import type { GateDecision } from './decision.js';
import type { ScanResult } from './result.js';

/** Bumped on any incompatible change of the JSON report; documented in docs/report-format.md. */
export const REPORT_SCHEMA_VERSION = '1.2';

/** What every output format receives: the scan, and the gate's decision about it. */
export interface Report {
  tool: { name: 'gatehouse'; version: string };
  result: ScanResult;
  gate: GateDecision;
}
