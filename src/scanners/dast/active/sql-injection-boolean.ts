import { randomInt } from 'node:crypto';
import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, Exchange, InsertionPoint } from '../types.js';
import { bodyText, describePoint, hit } from './lib.js';
import { normalize, similarity } from './similarity.js';

const rule = dastRule({
  id: 'dast/sql-injection-boolean',
  title: 'SQL injection (boolean-based)',
  description:
    'A value from the request is concatenated into an SQL condition: appending a true condition leaves the ' +
    'answer unchanged and a false one changes it, so an attacker can read the database one yes/no question at ' +
    'a time even though no error is shown. Confirmed only when, twice with different literals, the value with ' +
    '`AND <true>` answers like the original request and the value with `AND <false>` answers differently, and ' +
    'the page is stable enough between two identical requests to tell. Bodies are compared after removing the ' +
    'echoed input, numbers and request ids, so a page that echoes its input or changes on every request is ' +
    'not reported. A difference smaller than about 5 % of the page (one row of a long list) is not detected.',
  severity: 'critical',
  cwe: ['CWE-89'],
  owasp: ['A03:2021'],
  nist: ['SI-10'],
  mode: 'active',
  remediation:
    'Use parameterised queries (prepared statements) for every value: `db.query("SELECT … WHERE category = ?", ' +
    '[category])`, or an ORM that binds parameters. Validate values with a known type (an id as an integer) ' +
    'before they reach the database.',
  references: [
    'https://owasp.org/www-community/attacks/Blind_SQL_Injection',
    'https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html',
  ],
});

/** Two identical requests must agree at least this much, or the page is too dynamic to judge. */
const MIN_STABILITY = 0.9;
/** How much closer to the original the true answer must be than the false one. */
const MIN_GAP = 0.05;

interface Pair {
  yes: string;
  no: string;
}

interface Family {
  name: string;
  pair(n: number): Pair;
}

/** Conditions that keep the statement valid: the value's own closing quote ends the last literal. */
function families(value: string): Family[] {
  const quoted = (q: string): Family => ({
    name: `${q}-quoted string`,
    pair: (n) => ({
      yes: `${value}${q} AND ${q}${n}${q}=${q}${n}`,
      no: `${value}${q} AND ${q}${n}${q}=${q}${n + 1}`,
    }),
  });
  const numeric: Family = {
    name: 'number',
    pair: (n) => ({ yes: `${value} AND ${n}=${n}`, no: `${value} AND ${n}=${n + 1}` }),
  };
  return /^-?\d+(?:\.\d+)?$/.test(value) ? [numeric, quoted("'")] : [quoted("'"), quoted('"')];
}

function comparable(ex: Exchange, sent: string, original: string): string {
  return normalize(bodyText(ex), [sent, original]);
}

/**
 * One request to measure how stable the page is, then two per condition pair; a family that
 * answers the first pair as expected is asked a second pair with other literals. At most nine.
 */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  const original = point.value;
  const reference = await ctx.inject(original);
  if (!reference) return [];
  const refText = comparable(reference, original, original);
  const stability =
    reference.response.status === ctx.baseline.response.status
      ? similarity(refText, comparable(ctx.baseline, original, original))
      : 0;
  if (stability < MIN_STABILITY) return [];

  const judge = async (pair: Pair) => {
    const yes = await ctx.inject(pair.yes);
    if (!yes || yes.response.status !== reference.response.status) return undefined;
    const yesSim = similarity(refText, comparable(yes, pair.yes, original));
    if (yesSim < Math.min(stability, 0.99) - 0.02) return undefined;
    const no = await ctx.inject(pair.no);
    if (!no) return undefined;
    const noSim =
      no.response.status === reference.response.status
        ? similarity(refText, comparable(no, pair.no, original))
        : 0;
    return noSim <= yesSim - MIN_GAP ? { pair, yes, no, yesSim, noSim } : undefined;
  };

  for (const family of families(original)) {
    const first = await judge(family.pair(1));
    if (!first) continue;
    const n = randomInt(2, 90);
    const second = await judge(family.pair(n));
    if (!second) continue;
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    return [
      hit(
        point,
        second.no,
        `the ${describePoint(point)} is evaluated as SQL (${family.name}): \`${first.pair.yes.slice(original.length)}\` ` +
          `answers like the original (${pct(first.yesSim)} alike) and \`${first.pair.no.slice(original.length)}\` ` +
          `differs (${pct(first.noSim)} alike), confirmed with ${n}=${n} / ${n}=${n + 1}`,
        `true: ${second.yes.response.status}, ${second.yes.response.body.length} bytes; false: ${second.no.response.status}, ${second.no.response.body.length} bytes`,
      ),
    ];
  }
  return [];
}

export const sqlInjectionBoolean: ActiveCheck = { rule, run };
