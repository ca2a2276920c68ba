import { decodeEntities } from '../passive/lib/text.js';
import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, Exchange, InsertionPoint } from '../types.js';
import { bodyText, describePoint, excerptAround, hit } from './lib.js';
import { sqlErrors } from './sql-errors.js';

const rule = dastRule({
  id: 'dast/sql-injection-error',
  title: 'SQL injection (error-based)',
  description:
    'A value from the request is concatenated into an SQL statement: an unbalanced quote makes the database ' +
    'fail, and its error message reaches the answer. An attacker can read or change the database, and often ' +
    'more. Confirmed only when a quote added to the value produces a database error message (SQLite, ' +
    'PostgreSQL, MySQL/MariaDB, SQL Server, Oracle) that the original answer did not contain, and the same ' +
    'value with the quote doubled (balanced, so valid SQL again) makes that error disappear. Pages that always ' +
    'show error text, or reject quotes with a validation message, are therefore not reported.',
  severity: 'critical',
  cwe: ['CWE-89', 'CWE-209'],
  owasp: ['A03:2021'],
  nist: ['SI-10', 'SI-11'],
  mode: 'active',
  remediation:
    'Use parameterised queries (prepared statements) for every value: `db.query("DELETE FROM subscribers WHERE ' +
    'email = ?", [email])`, or an ORM that binds parameters. Never build SQL by string concatenation, and do not ' +
    'show database errors to users: log them and answer with a generic error page.',
  references: [
    'https://owasp.org/www-community/attacks/SQL_Injection',
    'https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html',
  ],
});

interface Probe {
  broken: string;
  /** Valid SQL again if the quote was the problem; the error must vanish with it. */
  balanced: string[];
}

function probes(value: string): Probe[] {
  const numeric = /^-?\d+(?:\.\d+)?$/.test(value);
  return [
    // In a numeric context a doubled quote is still an error: arithmetic on the value is the control there.
    { broken: `${value}'`, balanced: [`${value}''`, ...(numeric ? [`${value}-0`] : [])] },
    { broken: `${value}"`, balanced: [`${value}""`] },
  ];
}

function newErrors(ex: Exchange, before: ReadonlySet<string>) {
  return sqlErrors(bodyText(ex)).filter((m) => !before.has(m.id));
}

/** At most two requests per quote style, plus one for a numeric control: five in all. */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  const before = new Set(sqlErrors(bodyText(ctx.baseline)).map((m) => m.id));
  for (const probe of probes(point.value)) {
    const broken = await ctx.inject(probe.broken);
    if (!broken) continue;
    const errors = newErrors(broken, before);
    if (errors.length === 0) continue;
    for (const value of probe.balanced) {
      const control = await ctx.inject(value);
      if (!control || newErrors(control, before).length > 0) continue;
      const first = errors[0]!;
      return [
        hit(
          point,
          broken,
          `the ${describePoint(point)} reaches an SQL statement unescaped: \`${probe.broken.slice(-1)}\` makes ` +
            `${first.database} fail ("${first.text}") and \`${value.slice(point.value.length)}\` does not`,
          excerptAround(decodeEntities(bodyText(broken)), first.text),
        ),
      ];
    }
  }
  return [];
}

export const sqlInjectionError: ActiveCheck = { rule, run };
