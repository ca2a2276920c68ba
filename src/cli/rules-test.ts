import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { EXIT_BLOCKED, EXIT_PASS, type RunState } from './program.js';

const DEFAULT_DIR = '.gatehouse/rules';

/**
 * `gatehouse rules test [DIR]`: every SAST rule file of DIR against the annotated test files
 * beside it. Exit 1 when an annotation fails, 2 when a rule is invalid (a UserError).
 */
export function registerRulesTest(rules: Command, state: RunState): void {
  rules
    .command('test')
    .description(
      'Run SAST rules against their annotated test files (`// ruleid: <id>` / `// ok: <id>` above a line)',
    )
    .argument('[dir]', 'folder of rule files, each with test files of the same name beside it', DEFAULT_DIR)
    .option('--builtin', "test Gatehouse's built-in rules instead (from a source checkout)")
    .action(async (dir: string, flags: { builtin?: boolean }) => {
      const { testRuleDir } = await import('../scanners/sast/testing/run.js');
      const { testBuiltinRules } = await import('../scanners/sast/testing/builtin.js');
      if (!flags.builtin && !(existsSync(dir) && statSync(dir).isDirectory()))
        throw new UserError(`${dir}: no such folder`, 'give the folder that holds the rule files');
      const report = flags.builtin ? testBuiltinRules() : testRuleDir(resolve(dir), dir.replace(/\/+$/, ''));
      for (const f of report.failures)
        process.stdout.write(`${f.file}${f.line ? `:${f.line}` : ''}: ${f.ruleId}: ${f.problem}\n`);
      const verdict = report.failures.length === 0 ? 'all passed' : `${report.failures.length} failed`;
      process.stdout.write(
        `${report.rules} rules in ${report.ruleFiles} files, ${report.testFiles} test files, ${report.checks} checks: ${verdict}\n`,
      );
      state.exitCode = report.failures.length === 0 ? EXIT_PASS : EXIT_BLOCKED;
    });
}
