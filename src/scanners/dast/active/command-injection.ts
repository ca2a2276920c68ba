import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, InsertionPoint } from '../types.js';
import { bodyText, describePoint, excerptAround, factors, hit, letters } from './lib.js';

const rule = dastRule({
  id: 'dast/command-injection',
  title: 'OS command injection',
  description:
    'A value from the request reaches a shell command line, so an attacker can run any command on the server ' +
    "with the application's rights. Confirmed in one of two ways. Output: `;echo` (or `|`, `$( )`, backticks) " +
    'with a shell arithmetic expansion `$((a*b))` of random factors prints the product inside a random frame, ' +
    'twice with different factors; an application that only echoes the input shows the expression, never the ' +
    'product. Timing: `sleep 2` chained to the value delays the answer by two seconds, `sleep 0` does not, and ' +
    '`sleep 3` delays it by three, so random latency or a slow page does not pass. Windows-only shells and ' +
    'values quoted inside the command line are not tested.',
  severity: 'critical',
  cwe: ['CWE-78'],
  owasp: ['A03:2021'],
  nist: ['SI-10'],
  mode: 'active',
  remediation:
    'Do not pass request values to a shell. Call the program directly with an argument list ' +
    '(`execFile("ping", ["-c", "1", host])`, `subprocess.run([...], shell=False)`), validate the value against ' +
    'a strict allow-list (a host name pattern), and prefer a library over an external command.',
  references: [
    'https://owasp.org/www-community/attacks/Command_Injection',
    'https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html',
  ],
});

interface Separator {
  name: string;
  wrap(value: string, command: string): string;
}

const SEMICOLON: Separator = { name: ';', wrap: (v, c) => `${v};${c}` };
const PIPE: Separator = { name: '|', wrap: (v, c) => `${v}|${c}` };
const AND: Separator = { name: '&&', wrap: (v, c) => `${v}&&${c}` };
const SUBSTITUTION: Separator = { name: '$( )', wrap: (v, c) => `${v}$(${c})` };
const BACKTICKS: Separator = { name: 'backticks', wrap: (v, c) => `${v}\`${c}\`` };
const NEWLINE: Separator = { name: 'newline', wrap: (v, c) => `${v}\n${c}` };

/** Substituted output becomes part of the command's own arguments, which error messages often print. */
const OUTPUT_SEPARATORS = [SEMICOLON, PIPE, SUBSTITUTION];
const TIMING_SEPARATORS = [SEMICOLON, PIPE, AND, SUBSTITUTION, BACKTICKS, NEWLINE];

/** Seconds: short enough to keep the scan fast, far above ordinary jitter; 3 s stays well under the client timeout. */
const FIRST_DELAY = 2;
const SECOND_DELAY = 3;
/** Part of a delay that must show up: network and scheduling can only add time, rarely take it away. */
const SHARE = 0.85;

type Ctx = Parameters<ActiveCheck['run']>[1];

async function byOutput(point: InsertionPoint, ctx: Ctx, sep: Separator): Promise<ConfirmedHit | undefined> {
  const baseline = bodyText(ctx.baseline);
  const attempt = async () => {
    const [a, b] = factors();
    const [pre, post] = [letters(3), letters(3)];
    const expected = `${pre}${a * b}${post}`;
    const ex = await ctx.inject(sep.wrap(point.value, `echo ${pre}$((${a}*${b}))${post}`));
    return ex && bodyText(ex).includes(expected) && !baseline.includes(expected)
      ? { ex, expected }
      : undefined;
  };
  if (!(await attempt())) return undefined;
  const second = await attempt();
  if (!second) return undefined;
  return hit(
    point,
    second.ex,
    `the ${describePoint(point)} is run by a shell: \`${sep.name} echo\` with an arithmetic expansion printed its result (${second.expected}), twice`,
    excerptAround(bodyText(second.ex), second.expected),
  );
}

/** `slow`: the page is slow without any sleep, so no separator can be timed on it. */
async function byTiming(
  point: InsertionPoint,
  ctx: Ctx,
  sep: Separator,
): Promise<ConfirmedHit | 'slow' | undefined> {
  const delay = (s: number) => s * 1000 * SHARE;
  const sleep = (s: number) => ctx.inject(sep.wrap(point.value, `sleep ${s}`));
  const slow = await sleep(FIRST_DELAY);
  if (!slow || slow.response.elapsedMs < delay(FIRST_DELAY)) return undefined;
  const control = await sleep(0);
  if (!control) return undefined;
  const t0 = control.response.elapsedMs;
  const t1 = slow.response.elapsedMs;
  if (t0 >= delay(FIRST_DELAY)) return 'slow';
  if (t1 - t0 < delay(FIRST_DELAY)) return undefined;
  const slower = await sleep(SECOND_DELAY);
  if (!slower) return undefined;
  const t2 = slower.response.elapsedMs;
  // The second delay must add what it asked for on top of the first, not just be slow again.
  if (t2 - t0 < delay(SECOND_DELAY) || t2 - t1 < (SECOND_DELAY - FIRST_DELAY) * 1000 * 0.5) return undefined;
  return hit(
    point,
    slower,
    `the ${describePoint(point)} is run by a shell: \`${sep.name} sleep\` delays the answer in proportion ` +
      `(sleep 0: ${t0} ms, sleep ${FIRST_DELAY}: ${t1} ms, sleep ${SECOND_DELAY}: ${t2} ms)`,
    `sleep 0: ${t0} ms; sleep ${FIRST_DELAY}: ${t1} ms; sleep ${SECOND_DELAY}: ${t2} ms`,
  );
}

/**
 * Output first, one request per separator when nothing comes back (three); then timing, one fast
 * request per separator when the answer is not delayed (six). Nine requests on a clean point, five
 * on a page that is slow anyway; a vulnerable one adds five seconds of sleep at most.
 */
async function run(point: InsertionPoint, ctx: Ctx): Promise<ConfirmedHit[]> {
  for (const sep of OUTPUT_SEPARATORS) {
    const found = await byOutput(point, ctx, sep);
    if (found) return [found];
  }
  return confirmByTiming(point, ctx);
}

/** The timing half alone: for blind points, and so tests can exercise it where output would win first. */
export async function confirmByTiming(point: InsertionPoint, ctx: Ctx): Promise<ConfirmedHit[]> {
  for (const sep of TIMING_SEPARATORS) {
    const found = await byTiming(point, ctx, sep);
    if (found === 'slow') return [];
    if (found) return [found];
  }
  return [];
}

export const commandInjection: ActiveCheck = { rule, run };
