import { EQ_DEPTHS, EQ_MAXIMA, LEVELS, MACROVECTOR_SCORES } from './v4-tables.js';
import { type Metrics, parseVector } from './vector.js';

/**
 * CVSS v4.0 scores by the FIRST specification's algorithm (section 8): the vector's
 * MacroVector gives a score from the published table, which is then lowered by how far the
 * vector sits from the most severe vectors of its MacroVector, interpolating towards the next
 * lower MacroVector of each equivalence class. Every metric in the vector counts, so a vector
 * with threat or environmental metrics gets its CVSS-BT/BE/BTE score.
 */
const X = 'X';
const ALLOWED: Record<string, readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  AT: ['N', 'P'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'P', 'A'],
  VC: ['H', 'L', 'N'],
  VI: ['H', 'L', 'N'],
  VA: ['H', 'L', 'N'],
  SC: ['H', 'L', 'N'],
  SI: ['H', 'L', 'N'],
  SA: ['H', 'L', 'N'],
  E: [X, 'A', 'P', 'U'],
  CR: [X, 'H', 'M', 'L'],
  IR: [X, 'H', 'M', 'L'],
  AR: [X, 'H', 'M', 'L'],
  MAV: [X, 'N', 'A', 'L', 'P'],
  MAC: [X, 'L', 'H'],
  MAT: [X, 'N', 'P'],
  MPR: [X, 'N', 'L', 'H'],
  MUI: [X, 'N', 'P', 'A'],
  MVC: [X, 'H', 'L', 'N'],
  MVI: [X, 'H', 'L', 'N'],
  MVA: [X, 'H', 'L', 'N'],
  MSC: [X, 'H', 'L', 'N'],
  MSI: [X, 'S', 'H', 'L', 'N'],
  MSA: [X, 'S', 'H', 'L', 'N'],
  S: [X, 'N', 'P'],
  AU: [X, 'N', 'Y'],
  R: [X, 'A', 'U', 'I'],
  V: [X, 'D', 'C'],
  RE: [X, 'L', 'M', 'H'],
  U: [X, 'Clear', 'Green', 'Amber', 'Red'],
};
const BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];
const STEP = 0.1;

type Value = (metric: string) => string;

export function parseV4(vector: string): Metrics | undefined {
  return parseVector(vector, /^CVSS:4\.0\//, ALLOWED, BASE);
}

export function scoreV4(vector: string): number | undefined {
  const metrics = parseV4(vector);
  if (!metrics) return undefined;
  const v = effective(metrics);
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((k) => v(k) === 'N')) return 0;
  const eq = equivalenceClasses(v);
  const value = MACROVECTOR_SCORES[eq.join('')]!;
  const lower = nextLowerScores(eq);
  const distance = severityDistances(v, eq);
  const [eq1, eq2, eq3, eq4, , eq6] = eq;
  const depth = [EQ_DEPTHS.eq1[eq1]!, EQ_DEPTHS.eq2[eq2]!, EQ_DEPTHS.eq3eq6[eq3]![eq6]!, EQ_DEPTHS.eq4[eq4]!];
  let sum = 0;
  let n = 0;
  lower.slice(0, 4).forEach((next, k) => {
    if (next === undefined) return;
    n++;
    sum += (value - next) * (distance[k]! / (depth[k]! * STEP));
  });
  // EQ5 (exploit maturity) has no distance within its class but still counts in the mean.
  if (lower[4] !== undefined) n++;
  const mean = n === 0 ? 0 : sum / n;
  return roundHalfUp(Math.max(0, Math.min(10, value - mean)));
}

/** Environmental metrics override base ones; unset threat and requirements assume the worst. */
function effective(m: Metrics): Value {
  return (metric) => {
    const raw = m[metric] ?? X;
    if (metric === 'E') return raw === X ? 'A' : raw;
    if (metric === 'CR' || metric === 'IR' || metric === 'AR') return raw === X ? 'H' : raw;
    const modified = m[`M${metric}`];
    return modified !== undefined && modified !== X ? modified : raw;
  };
}

type Classes = [number, number, number, number, number, number];

function equivalenceClasses(v: Value): Classes {
  const [av, pr, ui] = [v('AV'), v('PR'), v('UI')];
  const eq1 =
    av === 'N' && pr === 'N' && ui === 'N'
      ? 0
      : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P'
        ? 1
        : 2;
  const eq2 = v('AC') === 'L' && v('AT') === 'N' ? 0 : 1;
  const [vc, vi, va] = [v('VC'), v('VI'), v('VA')];
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  // EQ4 looks at the raw MSI/MSA: only a modified subsequent system can be Safety-relevant.
  const safety = v('MSI') === 'S' || v('MSA') === 'S';
  const eq4 = safety ? 0 : v('SC') === 'H' || v('SI') === 'H' || v('SA') === 'H' ? 1 : 2;
  const eq5 = { A: 0, P: 1, U: 2 }[v('E') as 'A' | 'P' | 'U'];
  const eq6 =
    (v('CR') === 'H' && vc === 'H') || (v('IR') === 'H' && vi === 'H') || (v('AR') === 'H' && va === 'H')
      ? 0
      : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

/** Scores of the next lower MacroVector along EQ1, EQ2, EQ3+EQ6, EQ4, EQ5 (undefined past the last). */
function nextLowerScores(eq: Classes): (number | undefined)[] {
  const score = (d: number[]) => MACROVECTOR_SCORES[eq.map((x, i) => x + (d[i] ?? 0)).join('')];
  const [, , eq3, , , eq6] = eq;
  let eq3eq6: number | undefined;
  if (eq3 === 0 && eq6 === 0) {
    // Two ways down; the higher one is the nearer.
    const viaEq6 = score([0, 0, 0, 0, 0, 1]);
    const viaEq3 = score([0, 0, 1, 0, 0, 0]);
    eq3eq6 = viaEq6 !== undefined && viaEq3 !== undefined && viaEq6 > viaEq3 ? viaEq6 : viaEq3;
  } else if (eq3 === 1 && eq6 === 0) {
    eq3eq6 = score([0, 0, 0, 0, 0, 1]);
  } else {
    eq3eq6 = score([0, 0, 1, 0, 0, 0]);
  }
  return [score([1]), score([0, 1]), eq3eq6, score([0, 0, 0, 1]), score([0, 0, 0, 0, 1])];
}

const GROUPS = [
  ['AV', 'PR', 'UI'],
  ['AC', 'AT'],
  ['VC', 'VI', 'VA', 'CR', 'IR', 'AR'],
  ['SC', 'SI', 'SA'],
];

/**
 * How far below the most severe vectors of its MacroVector the vector sits, per class: the
 * first of the class's maximal vectors that is at least as severe in every metric is the
 * reference.
 */
function severityDistances(v: Value, eq: Classes): number[] {
  const maxima = combine([
    EQ_MAXIMA.eq1[eq[0]]!,
    EQ_MAXIMA.eq2[eq[1]]!,
    EQ_MAXIMA.eq3eq6[eq[2]]![eq[5]]!,
    EQ_MAXIMA.eq4[eq[3]]!,
    EQ_MAXIMA.eq5[eq[4]]!,
  ]);
  let diff: Record<string, number> = {};
  for (const max of maxima) {
    diff = Object.fromEntries(GROUPS.flat().map((k) => [k, LEVELS[k]![v(k)]! - LEVELS[k]![max[k]!]!]));
    if (Object.values(diff).every((d) => d >= 0)) break;
  }
  return GROUPS.map((g) => g.reduce((s, k) => s + diff[k]!, 0));
}

/** Every combination of one fragment per class, as metric → value maps, in the spec's order. */
function combine(classes: readonly (readonly string[])[]): Record<string, string>[] {
  return classes.reduce<Record<string, string>[]>(
    (acc, fragments) =>
      acc.flatMap((partial) =>
        fragments.map((f) => ({ ...partial, ...Object.fromEntries(f.split('/').map((p) => p.split(':'))) })),
      ),
    [{}],
  );
}

/** Half-up to one decimal; the epsilon undoes binary noise such as 8.6 - 7.15 = 1.4499999999999993. */
function roundHalfUp(x: number): number {
  return Math.round((x + 1e-6) * 10) / 10;
}
