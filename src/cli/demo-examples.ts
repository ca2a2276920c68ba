import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { loadConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import { packageRoot } from '../core/package-root.js';
import type { Report } from '../core/report.js';
import { runScan } from '../core/scan.js';
import type { Scanner } from '../core/scanner.js';
import { toolVersion } from '../core/version.js';
import { renderJson } from '../formats/json.js';
import { evaluateGate } from '../policy/gate.js';
import { compilePolicy } from '../policy/policy.js';
import { toCycloneDx } from '../sbom/cyclonedx-write.js';
import { inventory } from '../scanners/sca/inventory.js';
import { uploadReport } from './upload.js';

/** A project under examples/, and the pipelines the demo runs it through. */
export interface Example {
  /** Its folder under examples/, and its project name on the server. */
  name: string;
  runs: readonly { branch: string; stage: string }[];
}

/** The bundled example projects (examples/demo-advisories is the demo's data, not a project). */
export const EXAMPLES: readonly Example[] = [
  {
    name: 'vulnerable-app',
    runs: [
      { branch: 'main', stage: 'build' },
      { branch: 'feature/stripe-retries', stage: 'pull-request' },
    ],
  },
  {
    name: 'python-billing',
    runs: [
      { branch: 'main', stage: 'build' },
      { branch: 'release/2.4', stage: 'release' },
    ],
  },
  { name: 'java-orders', runs: [{ branch: 'main', stage: 'build' }] },
  { name: 'terraform-network', runs: [{ branch: 'main', stage: 'plan' }] },
];

export interface ExampleResult {
  name: string;
  findings: number;
  verdict: string;
  uploads: number;
}

interface Target {
  url: string;
  token: string;
  signal?: AbortSignal;
}

/** Where the examples are: beside the package (a source checkout; the npm package has none). */
export function examplesDir(): string {
  const dir = join(packageRoot(), 'examples');
  if (!existsSync(join(dir, EXAMPLES[0]!.name)))
    throw new UserError(
      `the demo needs the example projects, and ${dir} has none`,
      'run the demo from a clone of the Gatehouse repository',
    );
  return dir;
}

/**
 * Scans each example with every scanner, exactly as `gatehouse scan` does, and uploads the report
 * through the API on each of its branches, with a CycloneDX SBOM of its dependencies when it has any.
 */
export async function scanExamples(scanners: readonly Scanner[], to: Target): Promise<ExampleResult[]> {
  const dir = examplesDir();
  const results: ExampleResult[] = [];
  for (const example of EXAMPLES) {
    to.signal?.throwIfAborted();
    const root = join(dir, example.name);
    const report = await scanExample(root, scanners, to.signal);
    let uploads = 0;
    for (const [i, run] of example.runs.entries()) {
      const context = { ...run, pipelineId: `demo-${example.name}-${i + 1}` };
      const send = async (body: string) => {
        await uploadReport(body, {
          url: to.url,
          token: to.token,
          project: example.name,
          context,
          complete: true,
        });
        uploads++;
      };
      // The report of a checkout of that branch: its own bytes, so the server does not take it
      // for the same upload twice.
      await send(
        renderJson({
          ...report,
          result: { ...report.result, target: { ...report.result.target, branch: run.branch } },
        }),
      );
      const sbom = sbomOf(root, example.name);
      if (sbom) await send(sbom);
    }
    results.push({
      name: example.name,
      findings: report.result.findings.length,
      verdict: report.gate.verdict,
      uploads,
    });
  }
  return results;
}

async function scanExample(
  root: string,
  scanners: readonly Scanner[],
  signal?: AbortSignal,
): Promise<Report> {
  const { config, path: configPath } = loadConfig(root);
  const policy = compilePolicy(config, configPath, { root });
  const result = await runScan({
    root,
    scanners,
    config,
    // The examples are a few kilobytes: worker threads would cost more to start than they save.
    scan: { gitHistory: false, maxFileSize: config.max_file_size, threads: 1 },
    ...(signal ? { signal } : {}),
  });
  const gate = evaluateGate(result.findings, policy, { now: new Date() });
  // As `gatehouse scan` shows it: the report must not depend on where the examples are checked out.
  const rel = relative(root, gate.exceptionsFile);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) gate.exceptionsFile = rel;
  return { tool: { name: 'gatehouse', version: toolVersion() }, result, gate };
}

/** The example's dependencies as `gatehouse sbom` writes them; undefined when it declares none. */
function sbomOf(root: string, name: string): string | undefined {
  const { config } = loadConfig(root);
  const { packages } = inventory(root, config);
  if (packages.length === 0) return undefined;
  const meta = {
    rootName: name,
    tool: { name: 'gatehouse', version: toolVersion() },
    timestamp: new Date().toISOString(),
    serialNumber: `urn:uuid:${randomUUID()}`,
  };
  return JSON.stringify(toCycloneDx(packages, meta));
}
