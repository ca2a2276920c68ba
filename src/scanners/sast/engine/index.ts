/**
 * The SAST engine: rules compiled for ast-grep, run on one parsed file. The scanner
 * (../index.ts), the rule tests (../testing/) and benchmarks use only what is listed here.
 */
export {
  type AnalyseOptions,
  analyseSource,
  type FileAnalysis,
  type FileDiagnostic,
  spanOf,
} from './analyse.js';
export { compileRule } from './compile.js';
export { RuleFormatError } from './errors.js';
export type { CompiledRule, CompiledTaint, FlowStep, SastMatch, SastRule, Span } from './types.js';
