export type Verdict = 'pass' | 'warn' | 'fail';

/** What the gate did with one finding. */
export type FindingAction = 'fail' | 'warn' | 'report' | 'ignore';

/** Why a finding is (not) held against this change. */
export type FindingStatus = 'new' | 'existing' | 'excepted';

export interface FindingDecision {
  fingerprint: string;
  action: FindingAction;
  status: FindingStatus;
  /** The policy rule that decided, e.g. `gate.fail_on: high` or `gate.rules[block-live-secrets]`. */
  policyRule: string;
  /** Plain-language reason a developer reads. */
  reason: string;
  /** Set when an exception covered (or used to cover) this finding. */
  exception?: { id: string; reason: string; approver: string; expires?: string; expired: boolean };
}

export interface GateDecision {
  verdict: Verdict;
  findings: FindingDecision[];
  counts: { fail: number; warn: number; report: number; ignore: number; excepted: number; existing: number };
  /** Notes for the reader: expired exceptions, baseline used, stale data. */
  notes: string[];
  /** Set when findings were compared with a baseline report. */
  baseline?: { file: string; fingerprints: number };
  /** Where a new exception belongs: gatehouse.yml or its `exceptions_file`. */
  exceptionsFile: string;
}
