import { join } from 'node:path';
import type { SastRule } from '../engine/types.js';
import { builtinRules } from './builtin.js';
import { loadRuleDir } from './load.js';

/** Where a repository keeps its own rules; the IaC scanner reads the same folder (`platform` entries). */
export const PROJECT_RULES_DIR = '.gatehouse/rules';

/**
 * The repository's SAST rules, validated and compiled: any mistake is a UserError naming the
 * file, the rule and the key. Read afresh each time, so an edited rule file is never stale.
 */
export function projectRules(root: string): SastRule[] {
  const taken = new Set(builtinRules().map((r) => r.id));
  return loadRuleDir(join(root, PROJECT_RULES_DIR), PROJECT_RULES_DIR, taken);
}
