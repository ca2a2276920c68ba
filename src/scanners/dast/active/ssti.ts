import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, InsertionPoint } from '../types.js';
import { bodyText, describePoint, excerptAround, factors, hit, letters } from './lib.js';

const rule = dastRule({
  id: 'dast/ssti',
  title: 'Server-side template injection',
  description:
    'A value from the request is compiled as part of a server-side template, so its expressions are evaluated: ' +
    'in most engines (Jinja2, Twig, Freemarker, ERB, EJS) that leads to running code on the server. Confirmed ' +
    'only when an arithmetic expression of two random three-digit factors in one template syntax (`{{a*b}}`, ' +
    '`${a*b}`, `<%= a*b %>`, `#{a*b}`) comes back as its product between two random letter frames, and a second ' +
    'product in the same syntax does too. Not reported: the expression echoed as written, or a number that was ' +
    'already on the page.',
  severity: 'high',
  cwe: ['CWE-1336', 'CWE-94'],
  owasp: ['A03:2021'],
  nist: ['SI-10'],
  mode: 'active',
  remediation:
    'Never build a template from request input: pass values to a fixed template as data (`render("Hello ' +
    '{{ name }}", { name })`). Where users must write templates, use a logic-less engine or a sandboxed one ' +
    '(Jinja2 SandboxedEnvironment) with no access to application objects.',
  references: [
    'https://portswigger.net/web-security/server-side-template-injection',
    'https://cwe.mitre.org/data/definitions/1336.html',
  ],
});

interface Syntax {
  name: string;
  expression(a: number, b: number): string;
}

const SYNTAXES: readonly Syntax[] = [
  { name: '{{ }}', expression: (a, b) => `{{${a}*${b}}}` },
  { name: '${ }', expression: (a, b) => `\${${a}*${b}}` },
  { name: '<%= %>', expression: (a, b) => `<%= ${a}*${b} %>` },
  { name: '#{ }', expression: (a, b) => `#{${a}*${b}}` },
];

/** One request per syntax (four), and one more to confirm the syntax that evaluated. */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  const baseline = bodyText(ctx.baseline);
  const attempt = async (syntax: Syntax) => {
    const [a, b] = factors();
    const [pre, post] = [letters(3), letters(3)];
    const expected = `${pre}${a * b}${post}`;
    const ex = await ctx.inject(`${point.value}${pre}${syntax.expression(a, b)}${post}`);
    return ex && bodyText(ex).includes(expected) && !baseline.includes(expected)
      ? { ex, expected }
      : undefined;
  };
  for (const syntax of SYNTAXES) {
    if (!(await attempt(syntax))) continue;
    const second = await attempt(syntax);
    if (!second) continue;
    return [
      hit(
        point,
        second.ex,
        `the ${describePoint(point)} is evaluated by a template engine: \`${syntax.name}\` arithmetic came back computed (${second.expected}), twice`,
        excerptAround(bodyText(second.ex), second.expected),
      ),
    ];
  }
  return [];
}

export const ssti: ActiveCheck = { rule, run };
