import {
  type TypeError as CelTypeError,
  Environment,
  type ParseError,
  type ParseResult,
} from '@marcbachmann/cel-js';
import type { FindingStatus } from '../core/decision.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

/**
 * The fields a gate expression can read. Declared up front so a misspelt field is caught
 * when the config loads, not on the first finding that reaches the rule.
 */
const FINDING_SCHEMA = {
  scanner: 'string',
  ruleId: 'string',
  title: 'string',
  severity: 'string',
  confidence: 'string',
  path: 'string',
  line: 'int',
  message: 'string',
  cwe: 'list<string>',
  controls: 'list<string>',
  status: 'string',
  fingerprint: 'string',
  properties: 'map<string, dyn>',
} as const;

export const CEL_FINDING_FIELDS: readonly string[] = Object.keys(FINDING_SCHEMA);

/** Expressions come from a config file: bound their size so a typo cannot hang the gate. */
const LIMITS = { maxAstNodes: 2000, maxDepth: 50, maxListElements: 500 };

let environment: Environment | undefined;

// Building an Environment is costly; one is shared by every rule of every policy.
function celEnvironment(): Environment {
  environment ??= new Environment({ limits: LIMITS }).registerVariable({
    name: 'finding',
    schema: FINDING_SCHEMA,
  });
  return environment;
}

/** The status is the gate's (new or existing against the baseline); excepted ones never reach rules. */
export type CelStatus = Exclude<FindingStatus, 'excepted'>;

export interface CelCondition {
  /** The expression as written. */
  readonly source: string;
  /** True when the expression holds for the finding; a non-boolean result is a UserError. */
  test(finding: Finding, status: CelStatus): boolean;
}

/** The value of `finding` inside an expression. Integers are BigInt because CEL's int is. */
export function celFinding(finding: Finding, status: CelStatus): Record<string, unknown> {
  return {
    scanner: finding.scanner,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    confidence: finding.confidence,
    path: finding.location.path,
    line: BigInt(finding.location.startLine ?? 0),
    message: finding.message,
    cwe: finding.cwe,
    controls: finding.controls,
    status,
    fingerprint: finding.fingerprint,
    properties: finding.properties ?? {},
  };
}

/**
 * Parses and type-checks `source` once. `where` names the expression for error messages,
 * e.g. `gatehouse.yml: gate.rules[block-live-secrets].when`.
 */
export function compileCel(source: string, where: string): CelCondition {
  let program: ParseResult;
  try {
    program = celEnvironment().parse(source);
  } catch (e) {
    throw celUserError(where, source, 'syntax error', e as ParseError);
  }
  const checked = program.check();
  if (!checked.valid) throw celUserError(where, source, problemKind(checked.error), checked.error);
  // `dyn` (e.g. a bare property) may still be boolean at run time; anything else never is.
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new UserError(
      `${where}: must be true or false, but it gives a value of type ${checked.type}`,
      'compare the value, e.g. finding.severity == "high"',
    );
  }
  return { source, test: (finding, status) => run(program, finding, status, where) };
}

function run(program: ParseResult, finding: Finding, status: CelStatus, where: string): boolean {
  const subject = `${finding.ruleId} at ${finding.location.path}`;
  let value: unknown;
  try {
    value = program({ finding: celFinding(finding, status) });
  } catch (e) {
    throw new UserError(
      `${where}: cannot evaluate for ${subject}: ${summary(e)}`,
      'a property that only some findings have must be guarded: has(finding.properties.KEY) && ...',
    );
  }
  if (typeof value !== 'boolean') {
    throw new UserError(`${where}: gave ${describeValue(value)} for ${subject}; it must give true or false`);
  }
  return value;
}

function problemKind(error: ParseError | CelTypeError | undefined): string {
  if (error?.code === 'no_such_key') return 'unknown field';
  if (error?.code === 'unknown_variable') return 'unknown name';
  return error?.name === 'ParseError' ? 'syntax error' : 'type error';
}

function celUserError(
  where: string,
  source: string,
  kind: string,
  error: ParseError | CelTypeError | undefined,
): UserError {
  const at = error?.range ? ` at ${position(source, error.range.start)}` : '';
  return new UserError(
    `${where}: ${kind}${at}: ${summary(error)}`,
    `the expression can read finding.{${CEL_FINDING_FIELDS.join(', ')}}`,
  );
}

/** 1-based column, with the line too when the expression spans several (YAML block scalars). */
export function position(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return source.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

// The library's `message` carries a multi-line source excerpt; `summary` is the one-line cause.
function summary(e: unknown): string {
  if (e && typeof e === 'object' && 'summary' in e && typeof e.summary === 'string') return e.summary;
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return `the number ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}
