/** The rule format: the schema, loading and validating rule files, built-in and project rules. */
export { BUILTIN_RULES_DIR, builtinFolders, builtinRules } from './builtin.js';
export { coreRule, remediation, SCANNER } from './core-rule.js';
export { loadRuleDir, loadRuleFile, owaspControl, RULES_HINT, ruleFilesIn, rulesFromYaml } from './load.js';
export { PROJECT_RULES_DIR, projectRules } from './project.js';
export { type MatcherSpec, type SastRuleSpec, sastRuleSchema } from './schema.js';
