import { type Command, Option } from 'commander';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { resolveContext } from './ci-env.js';
import { EXIT_BLOCKED, EXIT_PASS, type RunState } from './program.js';
import { apiUrl, callServer, parseServerUrl, printable, tokenFromEnv } from './upload.js';

interface GateFlags {
  server: string;
  project: string;
  branch?: string;
  commit?: string;
  format: 'table' | 'json';
}

const GateAnswer = z.object({
  verdict: z.enum(['pass', 'warn', 'fail']),
  scanId: z.number().nullable().default(null),
  reasons: z
    .array(z.object({ rule: z.string(), message: z.string(), findings: z.number().optional() }))
    .default([]),
  counts: z.record(z.string(), z.unknown()).default({}),
});
type GateAnswer = z.infer<typeof GateAnswer>;

export function registerGate(program: Command, state: RunState): void {
  program
    .command('gate')
    .description(
      "Ask a Gatehouse server for a project's gate decision (its exceptions and SLA policy included)",
    )
    .requiredOption('--server <url>', 'base URL of the Gatehouse server (token from GATEHOUSE_TOKEN)')
    .requiredOption('--project <name>', 'project name on the server')
    .option('--branch <name>', "branch (default: the CI pipeline's)")
    .option('--commit <sha>', "commit (default: the CI pipeline's)")
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (flags: GateFlags) => {
      state.exitCode = await gateCommand(flags);
    });
}

async function gateCommand(flags: GateFlags): Promise<number> {
  parseServerUrl(flags.server, '--server');
  const token = tokenFromEnv(process.env, 'gate');
  // In a pipeline the question is about this pipeline's code, as uploaded by `scan --upload`.
  const { branch, commit } = resolveContext(process.env, {}, { branch: flags.branch, commit: flags.commit });
  const url = apiUrl(flags.server, 'gate', { project: flags.project, branch, commit });
  const raw = await callServer('gate', { method: 'GET', url }, { token });
  const parsed = GateAnswer.safeParse(raw);
  if (!parsed.success)
    throw new UserError(
      `gate: ${url.origin} answered without a verdict`,
      'is this the base URL of a Gatehouse server?',
    );
  const answer = parsed.data;
  process.stdout.write(
    flags.format === 'json'
      ? `${JSON.stringify(raw, null, 2)}\n`
      : renderGate(answer, { project: flags.project, branch, commit }),
  );
  return answer.verdict === 'fail' ? EXIT_BLOCKED : EXIT_PASS;
}

/** What a developer reads in a CI log: the verdict, what it was about, and every reason. */
export function renderGate(
  answer: GateAnswer,
  asked: { project: string; branch?: string; commit?: string },
): string {
  const about = [
    `project ${asked.project}`,
    asked.branch ? `branch ${asked.branch}` : undefined,
    asked.commit ? `commit ${asked.commit.slice(0, 12)}` : undefined,
  ].filter(Boolean);
  const scan = answer.scanId === null ? 'no scan uploaded yet' : `scan #${answer.scanId}`;
  const lines = [`Gate: ${answer.verdict.toUpperCase()} — ${about.join(', ')} (${scan})`];
  for (const r of answer.reasons) {
    const n = r.findings === undefined ? '' : ` (${r.findings} finding${r.findings === 1 ? '' : 's'})`;
    lines.push(`  - ${printable(r.rule)}: ${printable(r.message)}${n}`);
  }
  if (answer.reasons.length === 0) lines.push('  no gate rule applies');
  const counts = flatCounts(answer.counts);
  if (counts.length > 0) lines.push(`Counts: ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** `{open: 3, bySeverity: {high: 2}}` -> `open 3, bySeverity.high 2`; whatever else is left to --format json. */
function flatCounts(counts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(counts).flatMap(([k, value]) => {
    if (typeof value === 'number') return [`${printable(prefix + k)} ${value}`];
    if (value && typeof value === 'object' && !Array.isArray(value))
      return flatCounts(value as Record<string, unknown>, `${prefix}${k}.`);
    return [];
  });
}
