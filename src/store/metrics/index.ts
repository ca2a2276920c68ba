/** The program's metrics, computed in SQL on both engines; definitions in docs/metrics.md. */
export { type BurndownDay, burndown } from './burndown.js';
export { type CoverageReport, coverage } from './coverage.js';
export type { DurationStats, Durations } from './durations.js';
export { type GateReport, gateReport } from './gate.js';
export { type Mttd, mttd } from './mttd.js';
export { type Mttr, mttr } from './mttr.js';
export { type RuleNoise, ruleNoise } from './noise.js';
export type { FindingScope, MetricScope } from './scope.js';
export { PERIODS, type Period, type SecretsPeriod, secretsReport } from './secrets.js';
export { AGE_BUCKETS, type SlaReport, slaReport } from './sla.js';
