import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../../../core/errors.js';
import { packageRoot } from '../../../core/package-root.js';
import { BUILTIN_RULES_DIR, builtinFolders } from '../format/builtin.js';
import { sourceKindOf } from '../languages.js';
import { type RuleTestReport, testRuleDir } from './run.js';

/** The build copies only the rules' YAML to dist/; their test files stay in src/. */
const SOURCE_RULES_DIR = join(packageRoot(), 'src', 'scanners', 'sast', 'rules');

function hasTestFiles(dir: string): boolean {
  return builtinFolders().some((lang) => {
    const folder = join(dir, lang);
    return existsSync(folder) && readdirSync(folder).some((f) => sourceKindOf(f) !== undefined);
  });
}

/** Where the built-in rules sit beside their annotated tests: this module's folder, or the source tree. */
export function builtinTestDir(): string {
  if (hasTestFiles(BUILTIN_RULES_DIR)) return BUILTIN_RULES_DIR;
  if (hasTestFiles(SOURCE_RULES_DIR)) return SOURCE_RULES_DIR;
  throw new UserError(
    "the built-in rules' annotated tests are not part of the installed package",
    'run `gatehouse rules test --builtin` from a source checkout',
  );
}

/** Every built-in rule folder (one per language) against its tests. */
export function testBuiltinRules(): RuleTestReport {
  const dir = builtinTestDir();
  const total: RuleTestReport = { ruleFiles: 0, rules: 0, testFiles: 0, checks: 0, failures: [] };
  for (const lang of builtinFolders()) {
    const folder = join(dir, lang);
    const r = testRuleDir(folder, relative(process.cwd(), folder) || '.');
    total.ruleFiles += r.ruleFiles;
    total.rules += r.rules;
    total.testFiles += r.testFiles;
    total.checks += r.checks;
    total.failures.push(...r.failures);
  }
  return total;
}
