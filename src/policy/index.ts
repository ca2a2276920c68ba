export { exceptionSnippet, howToPass } from './advice.js';
export { loadBaseline, MAX_BASELINE_BYTES, parseBaseline } from './baseline.js';
export { CEL_FINDING_FIELDS, type CelCondition, type CelStatus, compileCel } from './cel.js';
export {
  type ExceptionEntry,
  exceptionId,
  isExpired,
  loadExceptionsFile,
  type PolicyException,
} from './exceptions.js';
export { evaluateGate, type GateOptions } from './gate.js';
export { EXPIRY_WARNING_DAYS } from './notes.js';
export { type CompiledPolicy, type CompilePolicyOptions, compilePolicy } from './policy.js';
export { type CompiledGateRule, compileRules, ruleStep } from './rules.js';
export { thresholdsFor } from './thresholds.js';
