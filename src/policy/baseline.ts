import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { FINGERPRINT_KEY } from '../core/fingerprint.js';
import { REPORT_SCHEMA_VERSION } from '../core/report.js';
import { formatBytes } from '../core/size.js';

/** A report this large is not a baseline anyone meant to pass; refuse it before reading it. */
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

const HOW_TO =
  'make a baseline from a scan of the main branch: gatehouse scan --format json --output baseline.json';
const HEX_FINGERPRINT = /^[0-9a-f]{8,64}$/;

type Json = Record<string, unknown>;

/**
 * Reads the fingerprints of a previous report: Gatehouse JSON or SARIF 2.1.0, told apart
 * by content since CI systems rename files freely.
 */
export function loadBaseline(path: string, maxBytes = MAX_BASELINE_BYTES): Set<string> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UserError(`${path}: baseline is not a regular file`, HOW_TO);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `${path}: ${code === 'ENOENT' ? 'baseline file not found' : `cannot read the baseline (${code})`}`,
      HOW_TO,
    );
  }
  if (size > maxBytes) {
    throw new UserError(
      `${path}: baseline is ${size} bytes, over the ${formatBytes(maxBytes)} limit`,
      HOW_TO,
    );
  }
  return parseBaseline(readFileSync(path, 'utf8'), path);
}

/** `file` only names the source in messages. */
export function parseBaseline(text: string, file: string): Set<string> {
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') throw new UserError(`${file}: baseline file is empty`, HOW_TO);
  const doc = parseJson(json, file);
  if (Array.isArray(doc)) {
    throw new UserError(
      `${file}: is a JSON array, not a report; a baseline is a Gatehouse JSON report or a SARIF 2.1.0 log`,
      HOW_TO,
    );
  }
  if (!isObject(doc)) {
    throw new UserError(`${file}: is a JSON ${doc === null ? 'null' : typeof doc}, not a report`, HOW_TO);
  }
  if ('runs' in doc) return sarifFingerprints(doc, file);
  if ('findings' in doc || 'schemaVersion' in doc || isObject(doc.result)) {
    return reportFingerprints(doc, file);
  }
  throw new UserError(
    `${file}: is neither a Gatehouse JSON report nor a SARIF log (no 'findings' or 'runs')`,
    HOW_TO,
  );
}

// V8's JSON errors quote the input, and a file passed by mistake (.env) may hold secrets: say where, not what.
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : undefined;
    if (/end of JSON input/.test(message) || (offset !== undefined && offset >= text.trimEnd().length)) {
      throw new UserError(`${file}: the JSON ends early; the file looks truncated`, HOW_TO);
    }
    const where = offset === undefined ? '' : ` at ${lineColumn(text, offset)}`;
    throw new UserError(
      `${file}: is not valid JSON${where}; a baseline is a Gatehouse JSON or SARIF report`,
      HOW_TO,
    );
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function sarifFingerprints(doc: Json, file: string): Set<string> {
  if (doc.version !== undefined && doc.version !== '2.1.0') {
    throw new UserError(`${file}: SARIF version ${quote(doc.version)} is not supported (only 2.1.0)`, HOW_TO);
  }
  if (!Array.isArray(doc.runs)) throw new UserError(`${file}: SARIF 'runs' is not a list`, HOW_TO);
  const found = new Set<string>();
  let results = 0;
  let fromGatehouse = false;
  for (const run of doc.runs.filter(isObject)) {
    fromGatehouse ||= isGatehouseRun(run);
    for (const result of Array.isArray(run.results) ? run.results.filter(isObject) : []) {
      results++;
      const fp = isObject(result.partialFingerprints)
        ? result.partialFingerprints[FINGERPRINT_KEY]
        : undefined;
      if (typeof fp === 'string' && HEX_FINGERPRINT.test(fp)) found.add(fp);
    }
  }
  // A clean Gatehouse run is a valid (empty) baseline; another tool's SARIF never is.
  if (found.size === 0 && (results > 0 || !fromGatehouse)) {
    throw new UserError(
      `${file}: SARIF with ${results} result(s) but none has partialFingerprints["${FINGERPRINT_KEY}"]; it was not written by Gatehouse`,
      HOW_TO,
    );
  }
  return found;
}

function isGatehouseRun(run: Json): boolean {
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  return typeof driver?.name === 'string' && driver.name.toLowerCase() === 'gatehouse';
}

// The findings list is top level in the JSON format; `result.findings` is the in-memory Report shape.
function reportFingerprints(doc: Json, file: string): Set<string> {
  const version = doc.schemaVersion;
  const findings = Array.isArray(doc.findings)
    ? doc.findings
    : isObject(doc.result)
      ? doc.result.findings
      : undefined;
  if (typeof version !== 'string' && !(isObject(doc.tool) && doc.tool.name === 'gatehouse')) {
    throw new UserError(`${file}: has no 'schemaVersion'; it is not a Gatehouse JSON report`, HOW_TO);
  }
  if (typeof version === 'string' && major(version) !== major(REPORT_SCHEMA_VERSION)) {
    throw new UserError(
      `${file}: report schemaVersion ${quote(version)} cannot be read by this version (reads ${REPORT_SCHEMA_VERSION})`,
      HOW_TO,
    );
  }
  if (!Array.isArray(findings)) throw new UserError(`${file}: 'findings' is missing or not a list`, HOW_TO);
  const found = new Set<string>();
  findings.forEach((f, i) => {
    const fp = isObject(f) ? f.fingerprint : undefined;
    if (typeof fp !== 'string' || !HEX_FINGERPRINT.test(fp)) {
      throw new UserError(
        `${file}: findings[${i}].fingerprint is missing or is not a hex fingerprint`,
        HOW_TO,
      );
    }
    found.add(fp);
  });
  return found;
}

/** Echoes a value from the file, cut short: a hostile file must not fill the terminal. */
function quote(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function major(version: string): string {
  return version.split('.')[0] ?? version;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
