import { type Command, Option } from 'commander';
import { rulePacks } from '../scanners/index.js';
import type { RunState } from './program.js';
import { rulesJson, rulesMarkdown } from './rules-reference.js';
import { registerRulesTest } from './rules-test.js';

export function registerRules(program: Command, state: RunState): void {
  const rules = program.command('rules').description('The rule reference, generated from rule metadata');
  rules
    .command('list')
    .description("Print every rule (or one scanner's) as Markdown or JSON")
    .option('--scanner <name>', "only this scanner's rules")
    .addOption(new Option('--format <format>', 'md or json').choices(['md', 'json']).default('md'))
    .action(async (flags: { scanner?: string; format: 'md' | 'json' }) => {
      const scanners = await rulePacks(flags.scanner ? [flags.scanner] : undefined);
      const out =
        flags.format === 'json'
          ? rulesJson(scanners.flatMap((s) => [...s.rules()]))
          : scanners.map((s) => rulesMarkdown(s.name, s.rules())).join('\n');
      process.stdout.write(out);
    });
  registerRulesTest(rules, state);
}
