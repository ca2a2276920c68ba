import { isAbsolute, relative, resolve } from 'node:path';
import type { Config } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import type { ScanResult } from '../core/result.js';
import { isSeverity, SEVERITIES } from '../core/severity.js';
import { toolVersion } from '../core/version.js';
import { getFormat } from '../formats/index.js';
import { renderJson } from '../formats/json.js';
import { loadBaseline } from '../policy/baseline.js';
import { evaluateGate } from '../policy/gate.js';
import { type CompiledPolicy, compilePolicy } from '../policy/policy.js';
import { writeOutput } from './output.js';
import { EXIT_BLOCKED, EXIT_ERROR, EXIT_PASS } from './program.js';
import { uploadReport } from './upload.js';
import { reportUploaded, type UploadFlags, type UploadTarget, uploadContext } from './upload-flags.js';

/** The flags every command that gates a scan shares (`scan`, `image`). */
export interface GateFlags extends UploadFlags {
  format: string;
  output?: string;
  baseline?: string;
  config?: string;
  failOn?: string;
  color?: boolean;
}

export interface GatePolicy {
  policy: CompiledPolicy;
  /** Fingerprints of the findings that existed before: they are reported, not gated. */
  baseline?: Set<string>;
  baselinePath?: string;
}

/** The policy and baseline, read before any scanning so a mistake in them costs nothing. */
export function loadGatePolicy(
  config: Config,
  configPath: string | undefined,
  root: string,
  flags: GateFlags,
): GatePolicy {
  applyFailOn(config, flags.failOn);
  const policy = compilePolicy(config, configPath, { root });
  const baselinePath = flags.baseline ? resolve(flags.baseline) : policy.baselinePath;
  return { policy, ...(baselinePath ? { baselinePath, baseline: loadBaseline(baselinePath) } : {}) };
}

/** Gate, write the report, upload it when asked; returns the exit code. */
export async function finishScan(
  result: ScanResult,
  gatePolicy: GatePolicy,
  root: string,
  flags: GateFlags,
  upload?: { to: UploadTarget; partial: boolean },
): Promise<number> {
  const { policy, baseline, baselinePath } = gatePolicy;
  const gate = evaluateGate(result.findings, policy, {
    now: new Date(),
    ...(baseline ? { baseline, baselineFile: baselinePath } : {}),
  });
  gate.exceptionsFile = displayPath(gate.exceptionsFile, root);
  const report: Report = { tool: { name: 'gatehouse', version: toolVersion() }, result, gate };
  const color =
    flags.color !== false && !flags.output && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  writeOutput(flags.output, getFormat(flags.format).render(report, { color }));
  if (flags.output)
    process.stderr.write(`gatehouse: ${gate.verdict.toUpperCase()} — report written to ${flags.output}\n`);
  // After the local report is written: a gate that cannot report fails (exit 2), but leaves its report.
  if (upload) await uploadScan(report, upload.to, flags, upload.partial);
  return exitCode(report);
}

/** The same JSON report `--format json` writes, with where it comes from (CI variables, flags, git). */
async function uploadScan(
  report: Report,
  to: UploadTarget,
  flags: UploadFlags,
  partial: boolean,
): Promise<void> {
  const context = uploadContext(flags, report.result.target);
  reportUploaded(await uploadReport(renderJson(report), { ...to, context, complete: !partial }));
}

/** Paths inside the scanned tree are shown relative to it; the report must not depend on where CI checks out. */
function displayPath(path: string, root: string): string {
  const rel = relative(root, resolve(root, path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function applyFailOn(config: Config, failOn: string | undefined): void {
  if (failOn === undefined) return;
  if (failOn !== 'none' && !isSeverity(failOn)) {
    throw new UserError(
      `--fail-on: '${failOn}' is not a severity`,
      `use one of ${SEVERITIES.join(', ')}, none`,
    );
  }
  config.gate.fail_on = failOn as Config['gate']['fail_on'];
  for (const s of Object.values(config.gate.scanners)) delete s.fail_on;
}

/** A blocked gate is 1 even when a scanner failed; a failed scanner alone is 2: its silence is not a pass. */
function exitCode(report: Report): number {
  if (report.gate.verdict === 'fail') return EXIT_BLOCKED;
  if (report.result.scanners.some((s) => s.status === 'failed')) return EXIT_ERROR;
  return EXIT_PASS;
}
